import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { fieldError, formField, formText, sendForm } from './form-fields.js';
import { t } from './i18n.js';

const CUSTOMER_CLASSES = ['UA_DEFENCE', 'PARTNER_DEFENCE', 'EXPORT'];

/**
 * The order desk places an order. The API validates it: its field errors stand beside the fields, its detail
 * above the form. Destination and export centre are asked for export orders only. One Idempotency-Key per order,
 * so that a retry after a lost answer cannot place it twice.
 */
export class OrderForm extends ConsoleElement {
    static properties = {
        api: { attribute: false },
        customerClass: { state: true }, problem: { state: true }, sending: { state: true },
    };

    constructor() {
        super();
        this.customerClass = 'UA_DEFENCE';
        this.problem = null;
        this.sending = false;
        this.idempotencyKey = crypto.randomUUID();
        this.choices = new Loaded(this, async () => {
            const [technologies, centres] = await Promise.all([
                this.api.get('/technologies?size=100'),
                this.api.get('/factories?kind=EXPORT_CENTRE&size=100'),
            ]);
            return { technologies: technologies.items, centres: centres.items };
        });
    }

    firstUpdated() {
        this.choices.reload();
    }

    fieldError(field) {
        return fieldError(this.problem, field);
    }

    field(name, label, control) {
        return formField('order', this.problem, name, label, control);
    }

    render() {
        return html`
            <p class="back"><a href="/console/orders">← ${t('orders.back')}</a></p>
            <h1 tabindex="-1">${t('orders.place')}</h1>
            ${this.choices.render(choices => this.form(choices))}`;
    }

    form({ technologies, centres }) {
        const exporting = this.customerClass === 'EXPORT';
        return html`
            ${this.problem && this.problem.detail ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
            <form novalidate class="card" @submit=${this.submit}>
                <div class="fields">
                    ${this.field('customerClass', t('orders.customerClass'), (invalid, describedBy) => html`
                        <select id="order-customerClass" name="customerClass" aria-invalid=${invalid}
                            aria-describedby=${describedBy}
                            @change=${event => { this.customerClass = event.target.value; }}>
                            ${CUSTOMER_CLASSES.map(value => html`
                                <option value=${value} ?selected=${value === this.customerClass}>${t(`customerClass.${value}`)}</option>`)}
                        </select>`)}
                    ${this.field('customer', t('orders.customer'), (invalid, describedBy) => html`
                        <input id="order-customer" name="customer" autocomplete="organization"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                    ${this.field('technologyCode', t('orders.technology'), (invalid, describedBy) => html`
                        <select id="order-technologyCode" name="technologyCode" aria-invalid=${invalid}
                            aria-describedby=${describedBy}>
                            ${technologies.map(technology => html`
                                <option value=${technology.code}>${technology.code} — ${technology.name}</option>`)}
                        </select>`)}
                    ${this.field('quantity', t('orders.quantity'), (invalid, describedBy) => html`
                        <input id="order-quantity" name="quantity" type="number" inputmode="numeric" min="1"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                    ${this.field('neededBy', t('orders.neededBy'), (invalid, describedBy) => html`
                        <input id="order-neededBy" name="neededBy" type="date"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`)}
                    ${exporting || this.fieldError('destinationCountry') ? this.field('destinationCountry', t('orders.destination'), (invalid, describedBy) => html`
                        <input id="order-destinationCountry" name="destinationCountry" maxlength="2" autocomplete="country"
                            aria-invalid=${invalid} aria-describedby=${describedBy}>`) : ''}
                    ${exporting || this.fieldError('exportCentreId') ? this.field('exportCentreId', t('orders.exportCentre'), (invalid, describedBy) => html`
                        <select id="order-exportCentreId" name="exportCentreId" aria-invalid=${invalid}
                            aria-describedby=${describedBy}>
                            <option value="">${t('orders.chooseCentre')}</option>
                            ${centres.map(centre => html`<option value=${centre.id}>${centre.name} (${centre.country})</option>`)}
                        </select>`) : ''}
                </div>
                <button type="submit" class="primary" ?disabled=${this.sending}>
                    ${this.sending ? t('orders.placing') : t('orders.submit')}</button>
            </form>`;
    }

    async submit(event) {
        event.preventDefault();
        const form = new FormData(event.target);
        const text = name => formText(form, name);
        const quantity = text('quantity');
        const order = {
            customerClass: text('customerClass'),
            customer: text('customer'),
            technologyCode: text('technologyCode'),
            // a number as typed; anything else is sent as typed so that the API names the field
            quantity: quantity !== null && /^\d+$/.test(quantity) ? Number(quantity) : quantity,
            neededBy: text('neededBy'),
            destinationCountry: text('destinationCountry')?.toUpperCase() ?? null,
            exportCentreId: text('exportCentreId'),
        };
        const placed = await sendForm(this, key => this.api.post('/orders', order, { 'Idempotency-Key': key }));
        if (placed !== undefined) {
            this.dispatchEvent(new CustomEvent('bwu-order-placed', { bubbles: true, composed: true, detail: placed }));
        }
    }
}
customElements.define('bwu-order-form', OrderForm);
