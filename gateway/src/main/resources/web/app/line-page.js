import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { formatDateTime, formatNumber, t } from './i18n.js';
import './report-form.js';
import './widgets.js';

/** One line: its state, since when, the last report; its recent reports; for its factory, the report form. */
export class LinePage extends ConsoleElement {
    static properties = { api: { attribute: false }, lineId: {}, canReport: { type: Boolean } };

    willUpdate(changed) {
        if (changed.has('lineId')) {
            // another line: nothing of the previous one may stay on screen
            const path = `/lines/${encodeURIComponent(this.lineId)}`;
            this.line = new Loaded(this, () => this.api.get(path));
            this.reports = new Loaded(this, () => this.api.get(`${path}/status-reports?size=10`));
            this.load();
        }
    }

    async load() {
        await this.line.reload();
        // another factory's line is refused once, with the API's reason; no second request for its reports
        if (this.line.status === 'ready') {
            await this.reports.reload();
        }
    }

    render() {
        return html`
            <p class="back"><a href="/console/lines">← ${t('line.back')}</a></p>
            <h1 tabindex="-1">${t('line.title', { lineId: this.lineId })}</h1>
            ${this.line.render(line => html`
                ${this.facts(line)}
                ${this.canReport ? html`
                    <bwu-report-form .api=${this.api} lineId=${line.lineId}
                        @bwu-reported=${() => this.load()}></bwu-report-form>` : ''}
                <section aria-labelledby="recent-reports">
                    <h2 id="recent-reports">${t('line.recentReports')}</h2>
                    ${this.reports.render(page => this.reportTable(page.items), {
                        isEmpty: page => page.items.length === 0, empty: t('line.noReports'),
                    })}
                </section>`)}`;
    }

    facts(line) {
        return html`
            <dl class="facts">
                <div><dt>${t('lines.state')}</dt><dd><bwu-state-badge state=${line.state}></bwu-state-badge></dd></div>
                ${line.downtimeReason ? html`
                    <div><dt>${t('line.reason')}</dt><dd class="reason">${t(`reason.${line.downtimeReason}`)}</dd></div>` : ''}
                <div><dt>${t('lines.since')}</dt><dd>${formatDateTime(line.stateSince)}</dd></div>
                <div><dt>${t('lines.lastReport')}</dt>
                    <dd>${line.lastReportObservedAt ? formatDateTime(line.lastReportObservedAt) : t('lines.never')}</dd></div>
                <div><dt>${t('lines.technology')}</dt><dd>${line.technologyCode}</dd></div>
                <div><dt>${t('lines.capacity')}</dt>
                    <dd>${t('lines.perDay', { count: formatNumber(line.nominalCapacityPerDay) })}</dd></div>
            </dl>`;
    }

    reportTable(reports) {
        return html`
            <div class="table-scroll">
                <table class="reports">
                    <thead>
                        <tr>
                            <th scope="col">${t('line.observedAt')}</th>
                            <th scope="col">${t('lines.state')}</th>
                            <th scope="col" class="number">${t('line.good')}</th>
                            <th scope="col" class="number">${t('line.scrap')}</th>
                            <th scope="col">${t('line.reportedBy')}</th>
                        </tr>
                    </thead>
                    <tbody>
                        ${reports.map(report => html`
                            <tr>
                                <td>${formatDateTime(report.observedAt)}</td>
                                <td><bwu-state-badge state=${report.state}></bwu-state-badge>
                                    ${report.reason ? html`<span class="reason">${t(`reason.${report.reason}`)}</span>` : ''}</td>
                                <td class="number">${formatNumber(report.goodUnits)}</td>
                                <td class="number">${formatNumber(report.scrapUnits)}</td>
                                <td>${report.reportedBy}</td>
                            </tr>`)}
                    </tbody>
                </table>
            </div>`;
    }
}
customElements.define('bwu-line-page', LinePage);
