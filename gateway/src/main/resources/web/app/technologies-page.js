import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { t } from './i18n.js';

const CATEGORIES = ['FPV_DRONE', 'RECON_UAV', 'LONG_RANGE_UAV', 'LOITERING_MUNITION', 'INTERCEPTOR_UAV',
    'MARITIME_DRONE', 'UNMANNED_GROUND_VEHICLE', 'ELECTRONIC_WARFARE', 'COUNTER_UAS'];

/**
 * The technology catalogue, and a technology officer adding to it. The API validates the new technology: its
 * field errors stand beside the fields, its detail above the form.
 */
export class TechnologiesPage extends ConsoleElement {
    static properties = { api: { attribute: false }, problem: { state: true }, saved: { state: true },
        sending: { state: true } };

    constructor() {
        super();
        this.sending = false;
        this.technologies = new Loaded(this, () => this.api.all('/technologies'));
    }

    firstUpdated() {
        this.technologies.reload();
    }

    fieldError(field) {
        return this.problem?.fieldErrors?.[field];
    }

    render() {
        return html`
            <h1 tabindex="-1">${t('catalogue.title')}</h1>
            ${this.saved ? html`<p class="saved" role="status">${this.saved}</p>` : ''}
            ${this.technologies.render(technologies => this.table(technologies), {
                isEmpty: technologies => technologies.length === 0, empty: t('techdata.noTechnologies') })}
            ${this.form()}`;
    }

    table(technologies) {
        return html`
            <div class="table-scroll">
                <table class="technologies">
                    <thead><tr>
                        <th scope="col">${t('catalogue.code')}</th>
                        <th scope="col">${t('catalogue.name')}</th>
                        <th scope="col">${t('catalogue.category')}</th>
                        <th scope="col">${t('catalogue.controlListEntry')}</th>
                        <th scope="col">${t('catalogue.owner')}</th>
                    </tr></thead>
                    <tbody>${technologies.map(technology => html`
                        <tr data-technology=${technology.code}>
                            <th scope="row">${technology.code}</th>
                            <td>${technology.name}</td>
                            <td>${t(`category.${technology.category}`)}</td>
                            <td>${technology.controlListEntry}</td>
                            <td>${technology.owner ?? '—'}</td>
                        </tr>`)}
                    </tbody>
                </table>
            </div>`;
    }

    field(name, control, hint = '') {
        const error = this.fieldError(name);
        return html`
            <div class="field ${error ? 'invalid' : ''}" data-field=${name}>
                <label for="technology-${name}">${t(`catalogue.${name}`)}</label>
                ${control(error ? 'true' : 'false', [hint ? `technology-${name}-hint` : '', error ? `technology-${name}-error` : '']
                    .filter(Boolean).join(' '))}
                ${hint ? html`<p class="hint" id="technology-${name}-hint">${hint}</p>` : ''}
                ${error ? html`<p class="field-error" id="technology-${name}-error">${error}</p>` : ''}
            </div>`;
    }

    form() {
        return html`
            <form novalidate class="card add-technology" @submit=${this.add}>
                <h2>${t('catalogue.add')}</h2>
                ${this.problem?.detail ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
                <div class="fields">
                    ${this.field('code', (invalid, describedBy) => html`
                        <input id="technology-code" name="code" autocomplete="off" aria-invalid=${invalid}
                            aria-describedby=${describedBy}>`, t('catalogue.codeHint'))}
                    ${this.field('name', (invalid, describedBy) => html`
                        <input id="technology-name" name="name" aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                    ${this.field('category', (invalid, describedBy) => html`
                        <select id="technology-category" name="category" aria-invalid=${invalid} aria-describedby=${describedBy}>
                            ${CATEGORIES.map(category => html`<option value=${category}>${t(`category.${category}`)}</option>`)}
                        </select>`)}
                    ${this.field('controlListEntry', (invalid, describedBy) => html`
                        <input id="technology-controlListEntry" name="controlListEntry" autocomplete="off"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`, t('catalogue.controlListHint'))}
                    ${this.field('owner', (invalid, describedBy) => html`
                        <input id="technology-owner" name="owner" autocomplete="organization" aria-invalid=${invalid}
                            aria-describedby=${describedBy}>`)}
                </div>
                <button type="submit" class="primary" ?disabled=${this.sending}>${t('catalogue.submit')}</button>
            </form>`;
    }

    async add(event) {
        event.preventDefault();
        const form = event.target;
        const data = new FormData(form);
        const text = name => {
            const value = String(data.get(name) ?? '').trim();
            return value === '' ? null : value;
        };
        this.sending = true;
        this.saved = null;
        try {
            const added = await this.api.post('/technologies', {
                code: text('code'), name: text('name'), category: text('category'),
                controlListEntry: text('controlListEntry'), owner: text('owner'),
            });
            this.problem = null;
            form.reset();
            this.saved = t('catalogue.added', { code: added.code, name: added.name });
            await this.technologies.reload();
        } catch (error) {
            this.problem = error;
        } finally {
            this.sending = false;
        }
        await this.updateComplete;
        this.querySelector('[aria-invalid="true"]')?.focus();
    }
}
customElements.define('bwu-technologies-page', TechnologiesPage);
