import { html } from 'lit';
import { ConsoleElement } from './base.js';
import { t, timeZone } from './i18n.js';

const STATES = ['RUNNING', 'IDLE', 'DOWN', 'MAINTENANCE', 'RETOOLING'];
const REASONS = ['BREAKDOWN', 'MATERIAL_SHORTAGE', 'QUALITY_HOLD', 'POWER', 'SECURITY', 'OTHER'];

/** datetime-local's value (local wall time, to the second) of an instant. */
function localInputValue(date) {
    const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
    return shifted.toISOString().slice(0, 19);
}

/**
 * The status report of one line. The API decides what is valid: its field errors are shown beside the fields,
 * its detail above the form. A downtime reason is asked for when the state is DOWN. Until the user changes it,
 * observedAt is the moment of sending. One report id per report: a retry after a lost answer is the same report.
 */
export class ReportForm extends ConsoleElement {
    static properties = {
        api: { attribute: false }, lineId: {},
        state: { state: true }, problem: { state: true }, sending: { state: true }, saved: { state: true },
    };

    constructor() {
        super();
        this.state = 'RUNNING';
        this.observedAtEdited = false;
        this.openedAt = new Date();
        this.reportId = ReportForm.newReportId();
        this.problem = null;
        this.sending = false;
        this.saved = null;
    }

    static newReportId() {
        return `console-${crypto.randomUUID()}`;
    }

    fieldError(field) {
        return this.problem?.fieldErrors?.[field];
    }

    /** A labelled control with its hint and the API's message for it, tied together for screen readers. */
    field(name, label, control, hint) {
        const error = this.fieldError(name);
        return html`
            <div class="field ${error ? 'invalid' : ''}" data-field=${name}>
                <label for="report-${name}">${label}</label>
                ${control}
                ${hint ? html`<p class="hint" id="report-${name}-hint">${hint}</p>` : ''}
                ${error ? html`<p class="field-error" id="report-${name}-error">${error}</p>` : ''}
            </div>`;
    }

    describedBy(name, hint) {
        return [hint ? `report-${name}-hint` : null, this.fieldError(name) ? `report-${name}-error` : null]
            .filter(Boolean).join(' ') || undefined;
    }

    render() {
        const down = this.state === 'DOWN';
        const generalProblem = this.problem && (Object.keys(this.problem.fieldErrors ?? {}).length === 0
            || this.problem.detail);
        return html`
            <section aria-labelledby="report-title" class="card">
                <h2 id="report-title">${t('report.title')}</h2>
                ${generalProblem ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
                ${this.saved ? html`<p class="saved" role="status">${t('report.saved', { state: t(`state.${this.saved}`) })}</p>` : ''}
                <form novalidate @submit=${this.submit}>
                    <div class="fields">
                        ${this.field('state', t('report.state'), html`
                            <select id="report-state" name="state" .value=${this.state}
                                aria-invalid=${this.fieldError('state') ? 'true' : 'false'}
                                aria-describedby=${this.describedBy('state') ?? ''}
                                @change=${event => { this.state = event.target.value; }}>
                                ${STATES.map(state => html`<option value=${state} ?selected=${state === this.state}>${t(`state.${state}`)}</option>`)}
                            </select>`)}
                        ${down || this.fieldError('reason') ? this.field('reason', t('report.reason'), html`
                            <select id="report-reason" name="reason" aria-required="true"
                                aria-invalid=${this.fieldError('reason') ? 'true' : 'false'}
                                aria-describedby=${this.describedBy('reason', true) ?? ''}>
                                <option value="">${t('report.chooseReason')}</option>
                                ${REASONS.map(reason => html`<option value=${reason}>${t(`reason.${reason}`)}</option>`)}
                            </select>`, t('report.reasonHint')) : ''}
                        ${this.field('observedAt', t('report.observedAt'), html`
                            <input id="report-observedAt" name="observedAt" type="datetime-local" step="1"
                                .value=${localInputValue(this.openedAt)}
                                aria-invalid=${this.fieldError('observedAt') ? 'true' : 'false'}
                                aria-describedby=${this.describedBy('observedAt', true) ?? ''}
                                @input=${() => { this.observedAtEdited = true; }}>`,
                            t('report.observedAtHint', { zone: timeZone() }))}
                        ${this.field('goodUnits', t('report.goodUnits'), html`
                            <input id="report-goodUnits" name="goodUnits" type="number" inputmode="numeric" min="0"
                                value="0" aria-invalid=${this.fieldError('goodUnits') ? 'true' : 'false'}
                                aria-describedby=${this.describedBy('goodUnits') ?? ''}>`)}
                        ${this.field('scrapUnits', t('report.scrapUnits'), html`
                            <input id="report-scrapUnits" name="scrapUnits" type="number" inputmode="numeric" min="0"
                                value="0" aria-invalid=${this.fieldError('scrapUnits') ? 'true' : 'false'}
                                aria-describedby=${this.describedBy('scrapUnits') ?? ''}>`)}
                    </div>
                    <button type="submit" class="primary" ?disabled=${this.sending}>
                        ${this.sending ? t('report.sending') : t('report.submit')}</button>
                </form>
            </section>`;
    }

    async submit(event) {
        event.preventDefault();
        const form = new FormData(event.target);
        const reason = form.get('reason');
        const observedAt = this.observedAtEdited && form.get('observedAt')
            ? new Date(form.get('observedAt')).toISOString() : new Date().toISOString();
        const report = {
            reportId: this.reportId,
            observedAt,
            state: form.get('state'),
            reason: reason ? reason : null,
            goodUnits: ReportForm.count(form.get('goodUnits')),
            scrapUnits: ReportForm.count(form.get('scrapUnits')),
        };
        this.sending = true;
        this.saved = null;
        try {
            const saved = await this.api.post(`/lines/${encodeURIComponent(this.lineId)}/status-reports`, report);
            this.problem = null;
            this.saved = saved.state;
            this.reportId = ReportForm.newReportId();
            this.dispatchEvent(new CustomEvent('bwu-reported', { bubbles: true, composed: true, detail: saved }));
        } catch (error) {
            this.problem = error;
            if (error.status !== 0) {
                // the API refused this report: a corrected one is a new report
                this.reportId = ReportForm.newReportId();
            }
            await this.updateComplete;
            this.querySelector('[aria-invalid="true"]')?.focus();
        } finally {
            this.sending = false;
        }
    }

    /** A number as typed; anything else is sent as typed so that the API names the field. */
    static count(value) {
        const text = String(value ?? '').trim();
        return /^\d+$/.test(text) ? Number(text) : text;
    }
}
customElements.define('bwu-report-form', ReportForm);
