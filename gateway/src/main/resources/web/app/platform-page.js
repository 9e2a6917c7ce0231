import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { formatDateTime, formatNumber, t } from './i18n.js';
import { lastReportPerRegion } from './network-groups.js';
import './widgets.js';

/** The sections of the operator's runbook (k8s/README.md), by their anchors there. */
const RUNBOOKS = [
    ['when-a-regions-lines-stop-updating', 'runbook.linesStale'],
    ['scaling', 'runbook.scaling'],
    ['upgrade', 'runbook.upgrade'],
    ['rollback', 'runbook.rollback'],
    ['postgresql-backup', 'runbook.backup'],
    ['rotating-secrets', 'runbook.secrets'],
];

/**
 * The operator's first screen: each service's and region's readiness and outbox backlog as the gateway asks them
 * (GET /api/platform/status), and how long ago each region's lines last reported (GET /api/lines).
 */
export class PlatformPage extends ConsoleElement {
    static properties = { api: { attribute: false } };

    constructor() {
        super();
        this.status = new Loaded(this, () => this.api.get('/platform/status'));
        this.reports = new Loaded(this, async () => lastReportPerRegion(await this.api.all('/lines'), Date.now()));
    }

    firstUpdated() {
        this.refresh();
    }

    refresh() {
        this.status.reload();
        this.reports.reload();
    }

    render() {
        return html`
            <h1 tabindex="-1">${t('platform.title')}</h1>
            <p><button type="button" class="refresh" @click=${() => this.refresh()}>${t('platform.refresh')}</button></p>
            ${this.status.render(status => this.services(status))}
            <section aria-labelledby="platform-reports">
                <h2 id="platform-reports">${t('platform.lastReports')}</h2>
                ${this.reports.render(regions => this.lastReports(regions), {
                    isEmpty: regions => regions.length === 0, empty: t('lines.empty') })}
            </section>
            ${this.status.status === 'ready' ? this.runbooks(this.status.value.runbooksUrl) : ''}`;
    }

    services(status) {
        return html`
            <section aria-labelledby="platform-services">
                <h2 id="platform-services">${t('platform.services')}
                    <bwu-state-badge state=${`READINESS_${status.status}`}></bwu-state-badge></h2>
                <p class="status">${t('platform.checkedAt', { at: formatDateTime(status.checkedAt) })}</p>
                <div class="table-scroll">
                    <table class="platform">
                        <thead>
                            <tr>
                                <th scope="col">${t('platform.service')}</th>
                                <th scope="col">${t('platform.readiness')}</th>
                                <th scope="col">${t('platform.checks')}</th>
                                <th scope="col" class="number">${t('platform.outboxPending')}</th>
                                <th scope="col" class="number">${t('platform.outboxOldest')}</th>
                                <th scope="col">${t('platform.breaker')}</th>
                                <th scope="col">${t('platform.metrics')}</th>
                            </tr>
                        </thead>
                        <tbody>
                            ${status.services.map(service => html`
                                <tr data-service=${service.name} data-status=${service.status}>
                                    <th scope="row">${serviceName(service)}</th>
                                    <td><bwu-state-badge state=${`READINESS_${service.status}`}></bwu-state-badge>
                                        ${service.detail ? html`<span class="reason">${service.detail}</span>` : ''}</td>
                                    <td class="checks">${(service.checks ?? []).map(check => html`<span class="check-name">${check.name}:
                                        ${t(`platform.check.${check.status}`)}</span>`)}</td>
                                    ${service.outbox ? html`
                                        <td class="number">${formatNumber(service.outbox.pending)}</td>
                                        <td class="number">${t('platform.seconds', { seconds: formatNumber(Math.round(service.outbox.oldestPendingSeconds)) })}</td>`
                                        : html`<td colspan="2" class="status">${t('platform.noBacklog')}</td>`}
                                    <td>${t(`platform.breaker.${service.breaker}`)}</td>
                                    <td>${service.metricsUrl ? html`<a href=${service.metricsUrl} rel="noopener">${t('platform.metricsLink')}</a>` : ''}</td>
                                </tr>`)}
                        </tbody>
                    </table>
                </div>
                <p class="hint">${t('platform.backlogHint')}</p>
            </section>`;
    }

    lastReports(regions) {
        return html`
            <div class="table-scroll">
                <table class="report-ages">
                    <thead>
                        <tr>
                            <th scope="col">${t('network.region')}</th>
                            <th scope="col" class="number">${t('platform.lineCount')}</th>
                            <th scope="col">${t('platform.lastReport')}</th>
                            <th scope="col" class="number">${t('platform.age')}</th>
                        </tr>
                    </thead>
                    <tbody>
                        ${regions.map(region => html`
                            <tr data-region=${region.region}>
                                <th scope="row">${region.region.toUpperCase()}</th>
                                <td class="number">${formatNumber(region.lines)}</td>
                                <td>${region.lastReportAt ? formatDateTime(region.lastReportAt) : t('lines.never')}</td>
                                <td class="number">${region.ageMillis === null ? '' : ageWords(region.ageMillis)}</td>
                            </tr>`)}
                    </tbody>
                </table>
            </div>`;
    }

    runbooks(url) {
        return html`
            <section aria-labelledby="platform-runbooks">
                <h2 id="platform-runbooks">${t('platform.runbooks')}</h2>
                ${url ? '' : html`<p class="status">${t('platform.runbooksLocal')}</p>`}
                <ul class="runbooks">
                    ${RUNBOOKS.map(([anchor, key]) => html`<li>${url
                        ? html`<a href="${url}#${anchor}" rel="noopener">${t(key)}</a>` : t(key)}</li>`)}
                </ul>
            </section>`;
    }
}

/** A service in the console's words; one it has no words for by the gateway's description. */
function serviceName(service) {
    if (service.kind === 'REGION') {
        return t('platform.region', { region: service.name.toUpperCase() });
    }
    const key = `platform.service.${service.name}`;
    const word = t(key);
    return word === key ? service.description : word;
}

/** An age as minutes (under two hours) or hours. */
function ageWords(millis) {
    const minutes = Math.floor(millis / 60_000);
    return minutes < 120 ? t('platform.minutes', { minutes: formatNumber(minutes) })
        : t('platform.hours', { hours: formatNumber(Math.floor(minutes / 60)) });
}
customElements.define('bwu-platform-page', PlatformPage);
