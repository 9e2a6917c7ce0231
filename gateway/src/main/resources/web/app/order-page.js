import { html } from 'lit';
import { allocationsTable } from './allocations-table.js';
import { ConsoleElement, Loaded } from './base.js';
import { formatDate, formatDateTime, formatNumber, t } from './i18n.js';
import './widgets.js';

/** How often an open order is asked for again: a line going down moves its work within seconds. */
const REFRESH_MILLIS = 3_000;

/**
 * One order: its plan per line and the latest routing decision with each candidate line's verdict and why.
 * Kept up to date while open, so that a re-routing shows without a reload.
 */
export class OrderPage extends ConsoleElement {
    static properties = { api: { attribute: false }, orderId: {} };

    willUpdate(changed) {
        if (changed.has('orderId')) {
            this.order = new Loaded(this, () => this.api.get(`/orders/${encodeURIComponent(this.orderId)}`));
            this.order.reload();
        }
    }

    connectedCallback() {
        super.connectedCallback();
        this.refresher = setInterval(() => {
            if (this.order?.status === 'ready' && document.visibilityState === 'visible') {
                this.order.reload();
            }
        }, REFRESH_MILLIS);
    }

    disconnectedCallback() {
        clearInterval(this.refresher);
        super.disconnectedCallback();
    }

    render() {
        return html`
            <p class="back"><a href="/console/orders">← ${t('orders.back')}</a></p>
            <h1 tabindex="-1">${t('order.title', { id: this.orderId })}</h1>
            ${this.order.render(order => html`
                ${this.facts(order)}
                <section aria-labelledby="order-plan">
                    <h2 id="order-plan">${t('order.plan')}</h2>
                    ${order.allocations.length === 0 ? html`<p class="status empty">${t('order.noAllocations')}</p>`
                        : allocationsTable(order.allocations, 'order')}
                </section>
                ${order.decision ? this.decision(order.decision) : ''}`)}`;
    }

    facts(order) {
        return html`
            <dl class="facts">
                <div><dt>${t('orders.state')}</dt><dd><bwu-state-badge state=${order.state}></bwu-state-badge></dd></div>
                <div><dt>${t('orders.customerClass')}</dt><dd>${t(`customerClass.${order.customerClass}`)}</dd></div>
                <div><dt>${t('orders.customer')}</dt><dd>${order.customer}</dd></div>
                <div><dt>${t('orders.technology')}</dt><dd>${order.technologyCode}</dd></div>
                <div><dt>${t('orders.quantity')}</dt><dd>${formatNumber(order.quantity)}</dd></div>
                <div><dt>${t('order.allocated')}</dt><dd>${formatNumber(order.allocatedQuantity)}</dd></div>
                <div><dt>${t('order.produced')}</dt><dd>${formatNumber(order.producedQuantity)}</dd></div>
                <div><dt>${t('order.unplaced')}</dt><dd>${formatNumber(order.unplacedQuantity)}</dd></div>
                <div><dt>${t('orders.neededBy')}</dt><dd>${formatDate(order.neededBy)}</dd></div>
                <div><dt>${t('orders.receivedAt')}</dt><dd>${formatDateTime(order.receivedAt)}</dd></div>
            </dl>`;
    }

    decision(decision) {
        return html`
            <section aria-labelledby="order-decision">
                <h2 id="order-decision">${t('order.decision')}</h2>
                <p class="decision-summary">${formatDateTime(decision.decidedAt)} · ${decision.trigger} ·
                    <bwu-state-badge state=${decision.state}></bwu-state-badge> ${decision.summary}</p>
                <div class="table-scroll">
                    <table class="candidates">
                        <thead>
                            <tr>
                                <th scope="col">${t('lines.line')}</th>
                                <th scope="col">${t('order.verdict')}</th>
                                <th scope="col" class="number">${t('orders.quantity')}</th>
                                <th scope="col">${t('order.why')}</th>
                            </tr>
                        </thead>
                        <tbody>
                            ${decision.candidates.map(candidate => html`
                                <tr data-line=${candidate.lineId} data-verdict=${candidate.verdict}>
                                    <th scope="row">${candidate.lineId}</th>
                                    <td><span class="verdict verdict-${candidate.verdict.toLowerCase()}">${t(`verdict.${candidate.verdict}`)}</span></td>
                                    <td class="number">${formatNumber(candidate.quantity)}</td>
                                    <td class="explanation">${candidate.explanation}</td>
                                </tr>`)}
                        </tbody>
                    </table>
                </div>
            </section>`;
    }
}
customElements.define('bwu-order-page', OrderPage);
