import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { formatDate, formatDateTime, formatNumber, t } from './i18n.js';
import './widgets.js';

/** The states the desk watches, counted by the API (each count is the total of the list filtered by it). */
const COUNTED_STATES = ['ROUTED', 'PARTIALLY_ROUTED', 'QUEUED', 'REJECTED', 'IN_PRODUCTION', 'FULFILLED'];
/** Orders that need the desk: no line has taken them (yet). */
const NEEDS_ATTENTION = ['QUEUED', 'REJECTED'];

/** The order desk's first screen: how many orders are in which state, and the orders, newest first. */
export class OrdersPage extends ConsoleElement {
    static properties = { api: { attribute: false }, placed: { attribute: false } };

    constructor() {
        super();
        this.orders = new Loaded(this, () => this.api.get('/orders?size=50'));
        this.counts = new Loaded(this, async () => {
            const pages = await Promise.all(COUNTED_STATES.map(state => this.api.get(`/orders?state=${state}&size=1`)));
            return COUNTED_STATES.map((state, index) => ({ state, total: pages[index].total }));
        });
    }

    firstUpdated() {
        this.orders.reload();
        this.counts.reload();
    }

    render() {
        return html`
            <h1 tabindex="-1">${t('orders.title')}</h1>
            <p><a class="action" href="/console/orders/new">${t('orders.place')}</a></p>
            ${this.placed ? html`<p class="saved" role="status">${t('orders.placed', {
                id: this.placed.id, state: t(`state.${this.placed.state}`) })}</p>` : ''}
            <section aria-label=${t('orders.counts')}>
                ${this.counts.render(counts => html`
                    <ul class="counts">
                        ${counts.map(count => html`
                            <li data-state=${count.state}><bwu-state-badge state=${count.state}></bwu-state-badge>
                                <span class="count">${formatNumber(count.total)}</span></li>`)}
                    </ul>`)}
            </section>
            ${this.orders.render(page => this.table(page.items), {
                isEmpty: page => page.items.length === 0, empty: t('orders.empty'),
            })}`;
    }

    table(orders) {
        return html`
            <div class="table-scroll">
                <table class="orders">
                    <thead>
                        <tr>
                            <th scope="col">${t('orders.order')}</th>
                            <th scope="col">${t('orders.state')}</th>
                            <th scope="col">${t('orders.customerClass')}</th>
                            <th scope="col">${t('orders.customer')}</th>
                            <th scope="col">${t('orders.technology')}</th>
                            <th scope="col" class="number">${t('orders.quantity')}</th>
                            <th scope="col">${t('orders.neededBy')}</th>
                            <th scope="col">${t('orders.receivedAt')}</th>
                        </tr>
                    </thead>
                    <tbody>
                        ${orders.map(order => html`
                            <tr data-order=${order.id} class=${NEEDS_ATTENTION.includes(order.state) ? 'attention' : ''}>
                                <th scope="row"><a href="/console/orders/${encodeURIComponent(order.id)}">${order.id}</a></th>
                                <td><bwu-state-badge state=${order.state}></bwu-state-badge></td>
                                <td>${t(`customerClass.${order.customerClass}`)}</td>
                                <td>${order.customer}</td>
                                <td>${order.technologyCode}</td>
                                <td class="number">${formatNumber(order.quantity)}</td>
                                <td>${formatDate(order.neededBy)}</td>
                                <td>${formatDateTime(order.receivedAt)}</td>
                            </tr>`)}
                    </tbody>
                </table>
            </div>`;
    }
}
customElements.define('bwu-orders-page', OrdersPage);
