import { html } from 'lit';
import { ConsoleElement } from './base.js';
import { fieldError, formField, formText, sendForm } from './form-fields.js';
import { t } from './i18n.js';
import './widgets.js';

/** The technology categories a factory may declare as capabilities (the API's TechnologyCategory). */
const CAPABILITIES = ['FPV_DRONE', 'RECON_UAV', 'LONG_RANGE_UAV', 'LOITERING_MUNITION', 'INTERCEPTOR_UAV',
    'MARITIME_DRONE', 'UNMANNED_GROUND_VEHICLE', 'ELECTRONIC_WARFARE', 'COUNTER_UAS'];

/**
 * The network administrator registers a partner factory (kind MANUFACTURER, with its capabilities) or an export
 * centre. The API validates it: its field errors stand beside the fields, its detail above the form.
 */
export class FactoryForm extends ConsoleElement {
    static properties = { api: { attribute: false }, kind: {}, problem: { state: true }, sending: { state: true } };

    constructor() {
        super();
        this.problem = null;
        this.sending = false;
    }

    fieldError(field) {
        return fieldError(this.problem, field);
    }

    field(name, label, control, hint = '') {
        return formField('factory', this.problem, name, label, control, hint);
    }

    render() {
        const centre = this.kind === 'EXPORT_CENTRE';
        const capabilities = this.fieldError('capabilities');
        return html`
            <p class="back"><a href="/console/network">← ${t('network.back')}</a></p>
            <h1 tabindex="-1">${centre ? t('network.registerCentre') : t('network.registerFactory')}</h1>
            ${this.problem && this.problem.detail ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
            <form novalidate class="card" @submit=${this.submit}>
                <div class="fields">
                    ${this.field('id', t('network.id'), (invalid, describedBy) => html`
                        <input id="factory-id" name="id" autocomplete="off" spellcheck="false"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`, t('network.idHint'))}
                    ${this.field('name', t('network.name'), (invalid, describedBy) => html`
                        <input id="factory-name" name="name" autocomplete="organization"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                    ${this.field('country', t('network.country'), (invalid, describedBy) => html`
                        <input id="factory-country" name="country" maxlength="2" autocomplete="country"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`, t('network.countryHint'))}
                </div>
                ${centre ? '' : html`
                    <fieldset class="capabilities ${capabilities ? 'invalid' : ''}" data-field="capabilities"
                        aria-describedby=${capabilities ? 'factory-capabilities-error' : ''}>
                        <legend>${t('network.capabilities')}</legend>
                        ${CAPABILITIES.map(capability => html`
                            <label class="check"><input type="checkbox" name="capabilities" value=${capability}>
                                ${t(`capability.${capability}`)}</label>`)}
                        ${capabilities ? html`<p class="field-error" id="factory-capabilities-error">${capabilities}</p>` : ''}
                    </fieldset>`}
                <button type="submit" class="primary" ?disabled=${this.sending}>
                    ${this.sending ? t('network.registering') : t('network.register')}</button>
            </form>`;
    }

    async submit(event) {
        event.preventDefault();
        const form = new FormData(event.target);
        const text = name => formText(form, name);
        // sent as typed: the API names what is wrong
        const factory = {
            id: text('id'), name: text('name'), country: text('country'), kind: this.kind,
            capabilities: this.kind === 'EXPORT_CENTRE' ? [] : form.getAll('capabilities'),
        };
        const registered = await sendForm(this, () => this.api.post('/factories', factory));
        if (registered !== undefined) {
            this.dispatchEvent(new CustomEvent('bwu-factory-registered', { bubbles: true, composed: true, detail: registered }));
        }
    }
}
customElements.define('bwu-factory-form', FactoryForm);
