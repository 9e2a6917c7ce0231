import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { t } from './i18n.js';
import { fieldError, formField, formText, sendForm } from './form-fields.js';
import { newLicence } from './licence-terms.js';

const ACTIVITIES = ['PRODUCE', 'EXPORT'];

/**
 * A technology officer grants a licence directly: factory, technology, what it permits, quantity cap, validity,
 * export territories, whether earlier technical data revisions are open to it. The API validates it: its field
 * errors stand beside the fields. One Idempotency-Key per licence, so that a retry cannot grant it twice.
 */
export class GrantForm extends ConsoleElement {
    static properties = { api: { attribute: false }, problem: { state: true }, sending: { state: true } };

    constructor() {
        super();
        this.sending = false;
        this.idempotencyKey = crypto.randomUUID();
        this.choices = new Loaded(this, async () => {
            const [factories, technologies] = await Promise.all([
                this.api.all('/factories?kind=MANUFACTURER'), this.api.all('/technologies')]);
            return { factories, technologies };
        });
    }

    firstUpdated() {
        this.choices.reload();
    }

    fieldError(field) {
        return fieldError(this.problem, field);
    }

    field(name, label, control, hint = '') {
        return formField('grant', this.problem, name, label, control, hint);
    }

    render() {
        return html`
            <p class="back"><a href="/console/licences">← ${t('licences.back')}</a></p>
            <h1 tabindex="-1">${t('grant.title')}</h1>
            ${this.choices.render(choices => this.form(choices))}`;
    }

    form({ factories, technologies }) {
        const activitiesError = this.fieldError('activities');
        return html`
            ${this.problem?.detail ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
            <form novalidate class="card grant" @submit=${this.submit}>
                <div class="fields">
                    ${this.field('factoryId', t('licence.factory'), (invalid, describedBy) => html`
                        <select id="grant-factoryId" name="factoryId" aria-invalid=${invalid} aria-describedby=${describedBy}>
                            <option value="">${t('grant.chooseFactory')}</option>
                            ${factories.map(factory => html`<option value=${factory.id}>${factory.name} (${factory.id})</option>`)}
                        </select>`)}
                    ${this.field('technologyCode', t('licences.technology'), (invalid, describedBy) => html`
                        <select id="grant-technologyCode" name="technologyCode" aria-invalid=${invalid} aria-describedby=${describedBy}>
                            <option value="">${t('grant.chooseTechnology')}</option>
                            ${technologies.map(technology => html`<option value=${technology.code}>${technology.code} — ${technology.name}</option>`)}
                        </select>`)}
                    ${this.field('quantityCap', t('licences.cap'), (invalid, describedBy) => html`
                        <input id="grant-quantityCap" name="quantityCap" type="number" inputmode="numeric" min="1"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                    ${this.field('validFrom', t('licences.validFrom'), (invalid, describedBy) => html`
                        <input id="grant-validFrom" name="validFrom" type="date" aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                    ${this.field('validTo', t('licences.validTo'), (invalid, describedBy) => html`
                        <input id="grant-validTo" name="validTo" type="date" aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                    ${this.field('exportTerritories', t('licences.territories'), (invalid, describedBy) => html`
                        <input id="grant-exportTerritories" name="exportTerritories" autocomplete="off"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`, t('grant.territoriesHint'))}
                </div>
                <fieldset class="field activities ${activitiesError ? 'invalid' : ''}" data-field="activities"
                    aria-describedby=${activitiesError ? 'grant-activities-error' : ''}>
                    <legend>${t('licence.activities')}</legend>
                    ${ACTIVITIES.map(activity => html`
                        <span class="checkbox"><input id="grant-activity-${activity}" type="checkbox" name="activities"
                            value=${activity} ?checked=${activity === 'PRODUCE'} aria-invalid=${activitiesError ? 'true' : 'false'}>
                            <label for="grant-activity-${activity}">${t(`activity.${activity}`)}</label></span>`)}
                    ${activitiesError ? html`<p class="field-error" id="grant-activities-error">${activitiesError}</p>` : ''}
                </fieldset>
                <div class="field checkbox" data-field="earlierRevisions">
                    <input id="grant-earlierRevisions" name="earlierRevisions" type="checkbox">
                    <label for="grant-earlierRevisions">${t('licence.earlierRevisions')}</label>
                </div>
                ${this.field('provisos', t('licence.provisos'), (invalid, describedBy) => html`
                    <textarea id="grant-provisos" name="provisos" rows="3" aria-invalid=${invalid}
                        aria-describedby=${describedBy}></textarea>`)}
                ${this.field('reason', t('decide.reasonOptional'), (invalid, describedBy) => html`
                    <textarea id="grant-reason" name="reason" rows="2" maxlength="500" aria-invalid=${invalid}
                        aria-describedby=${describedBy}></textarea>`)}
                <button type="submit" class="primary" ?disabled=${this.sending}>${t('grant.submit')}</button>
            </form>`;
    }

    async submit(event) {
        event.preventDefault();
        const data = new FormData(event.target);
        const licence = newLicence(name => formText(data, name), data.getAll('activities').map(String),
            data.has('earlierRevisions'));
        const granted = await sendForm(this, key => this.api.post('/licences', licence, { 'Idempotency-Key': key }));
        if (granted !== undefined) {
            this.dispatchEvent(new CustomEvent('bwu-licence-granted', { bubbles: true, composed: true, detail: granted }));
        }
    }
}
customElements.define('bwu-grant-form', GrantForm);
