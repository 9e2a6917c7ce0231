import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { fieldError, formField, formText } from './form-fields.js';
import { formatDate, formatDateTime, formatNumber, t, tCount } from './i18n.js';
import { NEEDS_REASON, licenceActions, movesWork } from './licence-actions.js';
import { shortId } from './licence-parts.js';
import { amendment } from './licence-terms.js';
import './widgets.js';

/**
 * One licence for a technology officer: its terms, the actions its state allows (each with a reason, in a
 * dialog that names its effect as the API counts it, e.g. how many open orders are routed again), and its audit
 * trail as a timeline, newest first, read again after each action.
 */
export class LicencePage extends ConsoleElement {
    static properties = {
        api: { attribute: false }, licenceId: {},
        action: { state: true }, problem: { state: true }, saved: { state: true }, sending: { state: true },
    };

    constructor() {
        super();
        this.sending = false;
    }

    willUpdate(changed) {
        if (changed.has('licenceId')) {
            const path = `/licences/${encodeURIComponent(this.licenceId)}`;
            this.licence = new Loaded(this, () => this.api.get(path));
            this.audit = new Loaded(this, () => this.api.get(`${path}/audit`));
            this.licence.reload();
            this.audit.reload();
        }
    }

    render() {
        return html`
            <p class="back"><a href="/console/licences">← ${t('licences.back')}</a></p>
            <h1 tabindex="-1">${t('licence.title', { id: shortId(this.licenceId) })}</h1>
            ${this.saved ? html`<p class="saved" role="status">${this.saved}</p>` : ''}
            ${this.licence.render(licence => html`
                ${this.terms(licence)}
                ${this.actions(licence)}
                ${this.dialog(licence)}`)}
            <section aria-labelledby="licence-audit">
                <h2 id="licence-audit">${t('audit.title')}</h2>
                ${this.audit.render(entries => this.timeline(entries), {
                    isEmpty: entries => entries.length === 0, empty: t('audit.empty') })}
            </section>`;
    }

    terms(licence) {
        return html`
            <dl class="facts licence-terms">
                <div><dt>${t('licences.status')}</dt><dd><bwu-state-badge state=${licence.status}></bwu-state-badge>
                    ${licence.statusReason ? html`<span class="reason">${licence.statusReason}</span>` : ''}</dd></div>
                <div><dt>${t('licences.technology')}</dt><dd>${licence.technologyCode}</dd></div>
                <div><dt>${t('licence.factory')}</dt><dd>${licence.factoryId}</dd></div>
                <div><dt>${t('licence.activities')}</dt><dd>${licence.activities.map(a => t(`activity.${a}`)).join(', ')}</dd></div>
                <div><dt>${t('licences.cap')}</dt><dd class="number-cell">${formatNumber(licence.quantityCap)}</dd></div>
                <div><dt>${t('licence.consumed')}</dt><dd>${formatNumber(licence.unitsConsumed)}</dd></div>
                <div><dt>${t('licences.remaining')}</dt><dd class="remaining">${formatNumber(licence.remainingQuota)}</dd></div>
                <div><dt>${t('licences.validFrom')}</dt><dd>${formatDate(licence.validFrom)}</dd></div>
                <div><dt>${t('licences.validTo')}</dt><dd>${formatDate(licence.validTo)}</dd></div>
                <div><dt>${t('licences.territories')}</dt><dd>${licence.exportTerritories.join(', ') || '—'}</dd></div>
                <div><dt>${t('licence.earlierRevisions')}</dt><dd>${t(licence.earlierRevisions ? 'licence.yes' : 'licence.no')}</dd></div>
                <div><dt>${t('licence.grantedBy')}</dt><dd>${licence.grantedBy ?? '—'}
                    ${licence.grantedAt ? html`<span class="reason">${formatDateTime(licence.grantedAt)}</span>` : ''}</dd></div>
                <div class="notes"><dt>${t('licence.provisos')}</dt><dd>${licence.provisos || '—'}</dd></div>
                <div class="notes"><dt>${t('licence.id')}</dt><dd class="mono">${licence.id}</dd></div>
            </dl>`;
    }

    actions(licence) {
        const actions = licenceActions(licence);
        if (actions.length === 0) {
            return html`<p class="status">${t('licence.final')}</p>`;
        }
        return html`
            <div class="licence-actions" role="group" aria-label=${t('licence.actions')}>
                ${actions.map(action => html`
                    <button type="button" class="action-${action} ${action === 'revoke' ? 'danger' : ''}"
                        data-action=${action} @click=${event => this.open(action, event.target)}>${t(`action.${action}`)}…</button>`)}
            </div>`;
    }

    /** Opens the dialog of an action, with its effect as the API counts it; the focus goes back to opener after. */
    async open(action, opener) {
        this.opener = opener;
        this.problem = null;
        this.saved = null;
        this.action = action;
        this.effect = new Loaded(this, () => this.api.get(
            `/orders/work-under-licence/${encodeURIComponent(this.licenceId)}`));
        this.effect.reload();
        await this.updateComplete;
        const dialog = this.querySelector('dialog.licence-dialog');
        dialog.showModal();
        dialog.querySelector('textarea, input, select')?.focus();
    }

    closed() {
        this.action = null;
        this.problem = null;
        (this.opener?.isConnected ? this.opener : this.querySelector('h1'))?.focus();
    }

    fieldError(field) {
        return fieldError(this.problem, field);
    }

    field(name, label, control, hint = '') {
        return formField('decide', this.problem, name, label, control, hint);
    }

    dialog(licence) {
        const action = this.action;
        return html`
            <dialog class="licence-dialog" aria-labelledby="decide-title" aria-describedby="decide-effect"
                data-action=${action ?? ''} @close=${() => this.closed()}>
                ${action ? html`
                    <form novalidate method="dialog" @submit=${event => this.decide(event, licence)}>
                        <h2 id="decide-title">${t(`action.${action}.title`, { technology: licence.technologyCode,
                            factory: licence.factoryId })}</h2>
                        <div id="decide-effect" class="effect" aria-live="polite">${this.effectText(action, licence)}</div>
                        ${this.problem?.detail ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
                        ${action === 'amend' ? this.amendFields(licence) : ''}
                        ${this.field('reason', t(NEEDS_REASON.includes(action) || action === 'amend'
                            ? 'decide.reason' : 'decide.reasonOptional'), (invalid, describedBy) => html`
                            <textarea id="decide-reason" name="reason" rows="3" maxlength="500" aria-invalid=${invalid}
                                aria-describedby=${describedBy}></textarea>`)}
                        <div class="dialog-buttons">
                            <button type="submit" class="primary confirm" ?disabled=${this.sending}>
                                ${t(`action.${action}.confirm`)}</button>
                            <button type="button" class="cancel" @click=${() => this.querySelector('dialog.licence-dialog').close()}>
                                ${t('techdata.cancel')}</button>
                        </div>
                    </form>` : ''}
            </dialog>`;
    }

    effectText(action, licence) {
        if (action === 'grant' || action === 'reinstate') {
            return html`<p>${t(`effect.${action}`, { technology: licence.technologyCode, factory: licence.factoryId })}</p>`;
        }
        return this.effect.render(work => html`<p data-open-orders=${work.openOrders}>${work.openOrders === 0
            ? t('effect.noOpenOrders')
            : tCount(movesWork(action) ? 'effect.rerouted' : 'effect.mayReroute', work.openOrders, {
                orders: formatNumber(work.openOrders), units: formatNumber(work.unitsToBuild),
                lines: formatNumber(work.lines) })}</p>
            ${action === 'revoke' ? html`<p>${t('effect.revokeFinal')}</p>` : ''}`);
    }

    amendFields(licence) {
        return html`
            <p class="hint">${t('decide.amendHint')}</p>
            <div class="fields">
                ${this.field('quantityCap', t('licences.cap'), (invalid, describedBy) => html`
                    <input id="decide-quantityCap" name="quantityCap" type="number" inputmode="numeric" min="1"
                        value=${licence.quantityCap} aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                ${this.field('validFrom', t('licences.validFrom'), (invalid, describedBy) => html`
                    <input id="decide-validFrom" name="validFrom" type="date" value=${licence.validFrom}
                        aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                ${this.field('validTo', t('licences.validTo'), (invalid, describedBy) => html`
                    <input id="decide-validTo" name="validTo" type="date" value=${licence.validTo}
                        aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                ${this.field('exportTerritories', t('licences.territories'), (invalid, describedBy) => html`
                    <input id="decide-exportTerritories" name="exportTerritories" value=${licence.exportTerritories.join(', ')}
                        aria-invalid=${invalid} aria-describedby=${describedBy}>`, t('grant.territoriesHint'))}
            </div>
            <div class="field checkbox" data-field="earlierRevisions">
                <input id="decide-earlierRevisions" name="earlierRevisions" type="checkbox" ?checked=${licence.earlierRevisions}>
                <label for="decide-earlierRevisions">${t('licence.earlierRevisions')}</label>
            </div>
            ${this.field('provisos', t('licence.provisos'), (invalid, describedBy) => html`
                <textarea id="decide-provisos" name="provisos" rows="2" .value=${licence.provisos ?? ''}
                    aria-invalid=${invalid} aria-describedby=${describedBy}></textarea>`)}`;
    }

    async decide(event, licence) {
        event.preventDefault();
        const action = this.action;
        const data = new FormData(event.target);
        const text = name => formText(data, name);
        const path = `/licences/${encodeURIComponent(licence.id)}`;
        this.sending = true;
        try {
            let changed;
            if (action === 'amend') {
                changed = await this.api.patch(path, amendment(licence, text, data.has('earlierRevisions')));
            } else {
                changed = await this.api.post(`${path}/${action}`, { reason: text('reason') });
            }
            this.saved = t(`action.${action}.done`, { state: t(`state.${changed.status}`) });
            this.problem = null;
            this.querySelector('dialog.licence-dialog').close();
            await Promise.all([this.licence.reload(), this.audit.reload()]);
        } catch (error) {
            this.problem = error;
            await this.updateComplete;
            this.querySelector('dialog.licence-dialog [aria-invalid="true"]')?.focus();
        } finally {
            this.sending = false;
        }
    }

    timeline(entries) {
        const newestFirst = [...entries].sort((a, b) => b.position - a.position);
        return html`
            <ol class="timeline">
                ${newestFirst.map(entry => html`
                    <li data-position=${entry.position} data-action=${entry.action}>
                        <p class="timeline-head"><span class="timeline-step">${t(`audit.${entry.action}`)}</span>
                            <time datetime=${entry.recordedAt}>${formatDateTime(entry.recordedAt)}</time>
                            <span class="timeline-actor">${t('audit.by', { actor: entry.actor })}</span></p>
                        ${entry.reason ? html`<p class="timeline-reason">${entry.reason}</p>` : ''}
                        ${this.changes(entry.changes)}
                    </li>`)}
            </ol>`;
    }

    changes(changes) {
        const fields = Object.entries(changes ?? {});
        if (fields.length === 0) {
            return '';
        }
        const shown = value => (value === null || value === undefined || value === '' ? '—'
            : Array.isArray(value) ? value.join(', ') || '—' : String(value));
        return html`
            <dl class="timeline-changes">
                ${fields.map(([field, change]) => html`
                    <div><dt>${field}</dt><dd>${shown(change?.from)} → ${shown(change?.to)}</dd></div>`)}
            </dl>`;
    }
}
customElements.define('bwu-licence-page', LicencePage);
