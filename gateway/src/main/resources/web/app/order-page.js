import { html } from 'lit';
import { allocationsTable } from './allocations-table.js';
import { ConsoleElement, Loaded } from './base.js';
import './confirm-dialog.js';
import { formatDate, formatDateTime, formatNumber, t } from './i18n.js';
import './widgets.js';

/** How often an open order is asked for again: a line going down moves its work within seconds. */
const REFRESH_MILLIS = 3_000;
/** The states in which the routing service lets the desk cancel an order. */
const CANCELLABLE = ['RECEIVED', 'QUEUED', 'PARTIALLY_ROUTED', 'ROUTED', 'IN_PRODUCTION'];

/**
 * One order: its plan per line, the latest routing decision with each candidate line's verdict and why, and the
 * earlier decisions. Kept up to date while open, so that a re-routing shows without a reload. The desk may cancel
 * it, after a confirmation that names what happens to its allocations.
 */
export class OrderPage extends ConsoleElement {
    static properties = { api: { attribute: false }, orderId: {}, cancelled: { state: true } };

    willUpdate(changed) {
        if (changed.has('orderId')) {
            const path = `/orders/${encodeURIComponent(this.orderId)}`;
            this.order = new Loaded(this, () => this.api.get(path));
            this.decisions = new Loaded(this, () => this.api.get(`${path}/decisions`));
            this.decisionsOf = undefined;
            this.cancelled = false;
            this.order.reload();
        }
    }

    updated() {
        // the earlier decisions are asked for again whenever the order has a new latest one
        const latest = this.order.status === 'ready' ? this.order.value.decision?.id ?? null : undefined;
        if (latest !== undefined && latest !== this.decisionsOf) {
            this.decisionsOf = latest;
            this.decisions.reload();
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
                ${this.cancelled ? html`<p class="saved" role="status">${t('order.cancelledNow', { id: order.id })}</p>` : ''}
                ${this.facts(order)}
                ${CANCELLABLE.includes(order.state) ? html`
                    <p><button type="button" class="cancel-order" @click=${event => this.confirmCancel(order, event.currentTarget)}>
                        ${t('order.cancel')}…</button></p>` : ''}
                <section aria-labelledby="order-plan">
                    <h2 id="order-plan">${t('order.plan')}</h2>
                    ${order.allocations.length === 0 ? html`<p class="status empty">${t('order.noAllocations')}</p>`
                        : allocationsTable(order.allocations, 'order')}
                </section>
                ${order.decision ? this.decision(order.decision) : ''}
                ${this.earlierDecisions(order.decision)}`)}
            <bwu-confirm-dialog @bwu-confirm=${event => this.cancel(event.detail.reason)}></bwu-confirm-dialog>`;
    }

    /** The confirmation names what cancelling does: the active allocations leave their lines. */
    confirmCancel(order, opener) {
        const active = order.allocations.filter(allocation => allocation.status === 'ACTIVE');
        const dialog = this.querySelector('bwu-confirm-dialog');
        dialog.heading = t('order.cancelHeading', { id: order.id });
        dialog.effect = active.length === 0 ? t('order.cancelEffectNone')
            : t('order.cancelEffect', {
                count: formatNumber(active.length),
                units: formatNumber(active.reduce((sum, allocation) => sum + allocation.quantity - allocation.produced, 0)),
                lines: active.map(allocation => allocation.lineId).join(', '),
            });
        dialog.confirmLabel = t('order.cancelConfirm', { id: order.id });
        dialog.reasonLabel = t('order.cancelReason');
        dialog.reasonRequired = false;
        dialog.open(opener);
    }

    async cancel(reason) {
        const dialog = this.querySelector('bwu-confirm-dialog');
        try {
            const cancelled = await this.api.post(`/orders/${encodeURIComponent(this.orderId)}/cancel`, { reason });
            this.order.value = cancelled;
            this.cancelled = true;
            dialog.done();
            this.requestUpdate();
        } catch (error) {
            dialog.fail(error);
        }
    }

    /** Every decision before the latest, newest first, each folded. */
    earlierDecisions(latest) {
        if (this.decisions.status === 'ready' && this.decisions.value.filter(d => d.id !== latest?.id).length === 0) {
            return '';
        }
        return html`
            <section aria-labelledby="order-earlier">
                <h2 id="order-earlier">${t('order.earlierDecisions')}</h2>
                ${this.decisions.render(decisions => html`
                    ${decisions.filter(decision => decision.id !== latest?.id).reverse().map(decision => html`
                        <details class="earlier-decision" data-decision=${decision.id}>
                            <summary>${formatDateTime(decision.decidedAt)} · ${decision.trigger} ·
                                <bwu-state-badge state=${decision.state}></bwu-state-badge> ${decision.summary}</summary>
                            ${this.candidates(decision, 'earlier-candidates')}
                        </details>`)}`)}
            </section>`;
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
                ${this.candidates(decision, 'candidates')}
            </section>`;
    }

    candidates(decision, tableClass) {
        return html`
                <div class="table-scroll">
                    <table class=${tableClass}>
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
                </div>`;
    }
}
customElements.define('bwu-order-page', OrderPage);
