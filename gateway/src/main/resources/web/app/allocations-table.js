// The work allocated to lines, as one table wherever it is shown. An order's page names the line each part of
// the order is on (GET /orders/{id}: allocations[]); a line's page names the order each part of its work is
// for (GET /lines/{id}/allocations). The two answers name their fields and states in their own service's words.
import { html, nothing } from 'lit';
import { formatDateTime, formatNumber, t } from './i18n.js';

/** A column: its heading's key, the cell of an allocation, and whether it holds a number. */
const column = (heading, cell, numeric = false) => ({ heading, cell, numeric });

const PRODUCED = column('order.produced', allocation => formatNumber(allocation.produced), true);
const PLANNED_START = column('order.plannedStart', allocation => formatDateTime(allocation.plannedStart));
const PLANNED_FINISH = column('order.plannedFinish', allocation => formatDateTime(allocation.plannedFinish));

const VIEWS = {
    order: {
        tableClass: 'allocations',
        id: allocation => allocation.id,
        named: column('lines.line', allocation => allocation.lineId),
        columns: [
            column('order.allocationStatus', allocation => html`${t(`allocation.${allocation.status}`)}${
                allocation.cancelReason ? html`<span class="reason">${allocation.cancelReason}</span>` : ''}`),
            column('orders.quantity', allocation => formatNumber(allocation.quantity), true),
            PRODUCED, PLANNED_START, PLANNED_FINISH,
        ],
    },
    line: {
        tableClass: 'line-allocations',
        id: allocation => allocation.allocationId,
        named: column('allocations.order', allocation => allocation.orderId),
        columns: [
            column('allocations.customerClass', allocation => t(`customerClass.${allocation.customerClass}`)),
            column('order.allocationStatus', allocation => t(`lineAllocation.${allocation.status}`)),
            column('allocations.quantity', allocation => formatNumber(allocation.planned), true),
            PRODUCED, PLANNED_START, PLANNED_FINISH,
        ],
    },
};

/**
 * The allocations as a table: view 'order' (one row per line the order is on) or 'line' (one row per order the
 * line works for). Each row carries its allocation's id (data-allocation), its line (data-line, in the order's
 * view) and its state (data-status).
 */
export function allocationsTable(allocations, view) {
    const { tableClass, id, named, columns } = VIEWS[view];
    const numberClass = entry => (entry.numeric ? 'number' : nothing);
    return html`
        <div class="table-scroll">
            <table class=${tableClass}>
                <thead>
                    <tr>
                        <th scope="col">${t(named.heading)}</th>
                        ${columns.map(entry => html`<th scope="col" class=${numberClass(entry)}>${t(entry.heading)}</th>`)}
                    </tr>
                </thead>
                <tbody>
                    ${allocations.map(allocation => html`
                        <tr data-line=${allocation.lineId ?? nothing}
                            data-allocation=${id(allocation)} data-status=${allocation.status}>
                            <th scope="row">${named.cell(allocation)}</th>
                            ${columns.map(entry => html`<td class=${numberClass(entry)}>${entry.cell(allocation)}</td>`)}
                        </tr>`)}
                </tbody>
            </table>
        </div>`;
}
