import { html } from 'lit';
import { ConsoleElement } from './base.js';
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
        const errors = this.problem?.fieldErrors ?? {};
        // a capability's error is named by its index (capabilities[1]): it belongs beside the capabilities
        return field === 'capabilities'
            ? Object.entries(errors).filter(([name]) => name.startsWith('capabilities')).map(([, message]) => message).join('; ')
            : errors[field];
    }

    field(name, label, control, hint) {
        const error = this.fieldError(name);
        return html`
            <div class="field ${error ? 'invalid' : ''}" data-field=${name}>
                <label for="factory-${name}">${label}</label>
                ${control}
                ${hint ? html`<p class="hint" id="factory-${name}-hint">${hint}</p>` : ''}
                ${error ? html`<p class="field-error" id="factory-${name}-error">${error}</p>` : ''}
            </div>`;
    }

    aria(name, hint = false) {
        const error = this.fieldError(name);
        return {
            invalid: error ? 'true' : 'false',
            describedBy: [hint ? `factory-${name}-hint` : '', error ? `factory-${name}-error` : ''].join(' ').trim(),
        };
    }

    render() {
        const centre = this.kind === 'EXPORT_CENTRE';
        const id = this.aria('id', true);
        const name = this.aria('name');
        const country = this.aria('country', true);
        const capabilities = this.fieldError('capabilities');
        return html`
            <p class="back"><a href="/console/network">← ${t('network.back')}</a></p>
            <h1 tabindex="-1">${centre ? t('network.registerCentre') : t('network.registerFactory')}</h1>
            ${this.problem && this.problem.detail ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
            <form novalidate class="card" @submit=${this.submit}>
                <div class="fields">
                    ${this.field('id', t('network.id'), html`
                        <input id="factory-id" name="id" autocomplete="off" spellcheck="false"
                            aria-invalid=${id.invalid} aria-describedby=${id.describedBy}>`, t('network.idHint'))}
                    ${this.field('name', t('network.name'), html`
                        <input id="factory-name" name="name" autocomplete="organization"
                            aria-invalid=${name.invalid} aria-describedby=${name.describedBy}>`)}
                    ${this.field('country', t('network.country'), html`
                        <input id="factory-country" name="country" maxlength="2" autocomplete="country"
                            aria-invalid=${country.invalid} aria-describedby=${country.describedBy}>`, t('network.countryHint'))}
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
        const text = name => {
            const value = String(form.get(name) ?? '').trim();
            return value === '' ? null : value;
        };
        // sent as typed: the API names what is wrong
        const factory = {
            id: text('id'), name: text('name'), country: text('country'), kind: this.kind,
            capabilities: this.kind === 'EXPORT_CENTRE' ? [] : form.getAll('capabilities'),
        };
        this.sending = true;
        try {
            const registered = await this.api.post('/factories', factory);
            this.problem = null;
            this.dispatchEvent(new CustomEvent('bwu-factory-registered', { bubbles: true, composed: true, detail: registered }));
        } catch (error) {
            this.problem = error;
            await this.updateComplete;
            this.querySelector('[aria-invalid="true"]')?.focus();
        } finally {
            this.sending = false;
        }
    }
}
customElements.define('bwu-factory-form', FactoryForm);
