import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { formatDateTime, formatNumber, t } from './i18n.js';
import './widgets.js';

/** The lines the user may see (a manufacturer: its own factory's, as the API decides): state first. */
export class LinesPage extends ConsoleElement {
    static properties = { api: { attribute: false }, own: { type: Boolean } };

    constructor() {
        super();
        this.lines = new Loaded(this, () => this.api.get('/lines?size=100'));
    }

    firstUpdated() {
        this.lines.reload();
    }

    render() {
        return html`
            <h1 tabindex="-1">${this.own ? t('lines.myTitle') : t('lines.title')}</h1>
            ${this.lines.render(page => this.table(page.items), {
                isEmpty: page => page.items.length === 0, empty: t('lines.empty'),
            })}`;
    }

    table(lines) {
        return html`
            <div class="table-scroll">
                <table class="lines">
                    <thead>
                        <tr>
                            <th scope="col">${t('lines.line')}</th>
                            <th scope="col">${t('lines.state')}</th>
                            <th scope="col">${t('lines.since')}</th>
                            <th scope="col">${t('lines.lastReport')}</th>
                            <th scope="col">${t('lines.technology')}</th>
                            <th scope="col" class="number">${t('lines.capacity')}</th>
                        </tr>
                    </thead>
                    <tbody>
                        ${lines.map(line => html`
                            <tr data-line=${line.lineId}>
                                <th scope="row"><a href="/console/lines/${encodeURIComponent(line.lineId)}">${line.lineId}</a></th>
                                <td><bwu-state-badge state=${line.state}></bwu-state-badge>
                                    ${line.downtimeReason ? html`<span class="reason">${t(`reason.${line.downtimeReason}`)}</span>` : ''}</td>
                                <td>${formatDateTime(line.stateSince)}</td>
                                <td>${line.lastReportObservedAt ? formatDateTime(line.lastReportObservedAt) : t('lines.never')}</td>
                                <td>${line.technologyCode}</td>
                                <td class="number">${t('lines.perDay', { count: formatNumber(line.nominalCapacityPerDay) })}</td>
                            </tr>`)}
                    </tbody>
                </table>
            </div>`;
    }
}
customElements.define('bwu-lines-page', LinesPage);
