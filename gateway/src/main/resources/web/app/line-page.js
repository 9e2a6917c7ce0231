import { html } from 'lit';
import { allocationsTable } from './allocations-table.js';
import { ConsoleElement, Loaded } from './base.js';
import { downtimeByReason } from './downtime-pareto.js';
import { formatDate, formatDateTime, formatNumber, formatPercent, isoToday, t } from './i18n.js';
import { addDays } from './licence-run-out.js';
import './chart.js';
import './report-form.js';
import './widgets.js';

const OEE_DAYS = 30;
const DOWNTIME_DAYS = 30;

/**
 * One line: its state, since when, the last report; OEE per day and downtime by reason, each as a chart with a
 * table beside it; its recent reports; for its factory, the report form and the work allocated to the line.
 */
export class LinePage extends ConsoleElement {
    static properties = { api: { attribute: false }, lineId: {}, canReport: { type: Boolean } };

    willUpdate(changed) {
        if (changed.has('lineId')) {
            // another line: nothing of the previous one may stay on screen
            const path = `/lines/${encodeURIComponent(this.lineId)}`;
            this.line = new Loaded(this, () => this.api.get(path));
            this.reports = new Loaded(this, () => this.api.get(`${path}/status-reports?size=10`));
            this.oee = new Loaded(this, () => this.lastDaysOee(path));
            this.downtime = new Loaded(this, async () => {
                const from = new Date(Date.now() - DOWNTIME_DAYS * 86_400_000).toISOString();
                const page = await this.api.get(`${path}/status-reports?from=${encodeURIComponent(from)}&size=500`);
                return downtimeByReason(page.items);
            });
            this.allocations = new Loaded(this, () => this.api.get(`${path}/allocations`));
            this.load();
        }
    }

    /** OEE of the last OEE_DAYS days, one request per day (the API answers one day at a time). */
    async lastDaysOee(path) {
        const ofDay = day => this.api.get(`${path}/oee?date=${day}`);
        // the user's today may already be tomorrow in the line's region, which the API refuses as the future
        const userToday = isoToday();
        const today = await ofDay(userToday).catch(error => {
            if (error.status === 400) {
                return null;
            }
            throw error;
        });
        const lastDay = today ? userToday : addDays(userToday, -1);
        const days = Array.from({ length: OEE_DAYS }, (_, index) => addDays(lastDay, index - OEE_DAYS + 1));
        return Promise.all(days.map(day => (day === today?.date ? today : ofDay(day))));
    }

    async load() {
        await this.line.reload();
        // another factory's line is refused once, with the API's reason; no second request for its reports
        if (this.line.status === 'ready') {
            await Promise.all([this.reports.reload(), this.oee.reload(), this.downtime.reload(),
                // allocations are the factory's and the order desk's; this page offers them to the factory
                ...(this.canReport ? [this.allocations.reload()] : [])]);
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
                <section aria-labelledby="oee-title" class="oee">
                    <h2 id="oee-title">${t('oee.title', { days: OEE_DAYS })}</h2>
                    ${this.oee.render(days => this.oeeChart(days))}
                </section>
                <section aria-labelledby="downtime-title" class="downtime">
                    <h2 id="downtime-title">${t('downtime.title', { days: DOWNTIME_DAYS })}</h2>
                    ${this.downtime.render(reasons => this.paretoChart(reasons), {
                        isEmpty: reasons => reasons.length === 0, empty: t('downtime.none'),
                    })}
                </section>
                ${this.canReport ? html`
                    <section aria-labelledby="allocations-title" class="line-allocations">
                        <h2 id="allocations-title">${t('allocations.title')}</h2>
                        ${this.allocations.render(allocations => allocationsTable(allocations, 'line'), {
                            isEmpty: allocations => allocations.length === 0, empty: t('allocations.none'),
                        })}
                    </section>` : ''}
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

    oeeChart(days) {
        const percent = value => (value == null ? null : Math.round(value * 1000) / 10);
        const series = (key, type) => ({
            name: t(`oee.${key}`), type, data: days.map(day => percent(day[key])),
            ...(type === 'line' ? { lineStyle: { width: 3 }, z: 3 } : { barGap: '10%' }),
        });
        const measured = days.filter(day => day.oee != null);
        const average = measured.length
            ? measured.reduce((sum, day) => sum + Number(day.oee), 0) / measured.length : null;
        const summary = average == null ? t('oee.summaryNone', { days: OEE_DAYS })
            : t('oee.summary', { days: measured.length, of: OEE_DAYS, average: formatPercent(average) });
        const option = {
            legend: { top: 0 },
            grid: { left: 48, right: 16, top: 40, bottom: 40 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: days.map(day => formatDate(day.date)) },
            // every factor is a share (the API caps performance at the nominal rate); a day without a value is a gap
            yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
            series: [series('availability', 'bar'), series('performance', 'bar'), series('quality', 'bar'),
                series('oee', 'line')],
        };
        return html`
            <bwu-chart class="chart oee-chart" .option=${option} label=${summary}></bwu-chart>
            <p class="chart-summary">${summary}</p>
            <details class="chart-data">
                <summary>${t('chart.asTable')}</summary>
                <div class="table-scroll">
                    <table class="oee">
                        <thead>
                            <tr>
                                <th scope="col">${t('oee.date')}</th>
                                <th scope="col" class="number">${t('oee.oee')}</th>
                                <th scope="col" class="number">${t('oee.availability')}</th>
                                <th scope="col" class="number">${t('oee.performance')}</th>
                                <th scope="col" class="number">${t('oee.quality')}</th>
                                <th scope="col" class="number">${t('line.good')}</th>
                                <th scope="col" class="number">${t('line.scrap')}</th>
                            </tr>
                        </thead>
                        <tbody>
                            ${days.map(day => html`
                                <tr data-date=${day.date}>
                                    <th scope="row">${formatDate(day.date)}</th>
                                    <td class="number">${this.percentOrDash(day.oee)}</td>
                                    <td class="number">${this.percentOrDash(day.availability)}</td>
                                    <td class="number">${this.percentOrDash(day.performance)}</td>
                                    <td class="number">${this.percentOrDash(day.quality)}</td>
                                    <td class="number">${formatNumber(day.goodUnits)}</td>
                                    <td class="number">${formatNumber(day.scrapUnits)}</td>
                                </tr>`)}
                        </tbody>
                    </table>
                </div>
            </details>`;
    }

    percentOrDash(value) {
        return value == null ? '—' : formatPercent(Number(value));
    }

    paretoChart(reasons) {
        const hours = seconds => Math.round(seconds / 36) / 100;
        const option = {
            legend: { top: 0 },
            grid: { left: 56, right: 56, top: 40, bottom: 40 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: reasons.map(entry => t(`reason.${entry.reason}`)) },
            yAxis: [
                { type: 'value', name: t('downtime.hours'), min: 0 },
                { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
            ],
            series: [
                { name: t('downtime.duration'), type: 'bar', data: reasons.map(entry => hours(entry.seconds)) },
                { name: t('downtime.cumulative'), type: 'line', yAxisIndex: 1,
                    data: reasons.map(entry => Math.round(entry.cumulativeShare * 1000) / 10) },
            ],
        };
        const summary = t('downtime.summary', { reason: t(`reason.${reasons[0].reason}`),
            share: formatPercent(reasons[0].cumulativeShare) });
        return html`
            <bwu-chart class="chart pareto-chart" .option=${option} label=${summary}></bwu-chart>
            <p class="chart-summary">${summary}</p>
            <div class="table-scroll">
                <table class="downtime">
                    <thead>
                        <tr>
                            <th scope="col">${t('line.reason')}</th>
                            <th scope="col" class="number">${t('downtime.duration')}</th>
                            <th scope="col" class="number">${t('downtime.cumulative')}</th>
                        </tr>
                    </thead>
                    <tbody>
                        ${reasons.map(entry => html`
                            <tr data-reason=${entry.reason}>
                                <th scope="row">${t(`reason.${entry.reason}`)}</th>
                                <td class="number">${t('downtime.inHours', { hours: formatNumber(hours(entry.seconds)) })}</td>
                                <td class="number">${formatPercent(entry.cumulativeShare)}</td>
                            </tr>`)}
                    </tbody>
                </table>
            </div>`;
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
