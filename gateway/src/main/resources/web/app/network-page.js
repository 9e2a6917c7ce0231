import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import './confirm-dialog.js';
import { formatDateTime, formatNumber, t } from './i18n.js';
import { countBy, groupBy, valuesOf } from './network-groups.js';
import './widgets.js';

const FACTORY_STATUSES = ['ONBOARDING', 'ACTIVE', 'SUSPENDED'];
const LINE_STATES = ['RUNNING', 'IDLE', 'DOWN', 'MAINTENANCE', 'RETOOLING'];
/** The status changes the factory service allows from each status (ONBOARDING → ACTIVE ⇄ SUSPENDED). */
const ACTIONS = {
    ONBOARDING: { action: 'activate', to: 'ACTIVE' },
    ACTIVE: { action: 'suspend', to: 'SUSPENDED' },
    SUSPENDED: { action: 'reinstate', to: 'ACTIVE' },
};
const ANY = '';

/**
 * The network administrator's first screen: the partner factories and export centres by country with their
 * status, each one's next status change behind a confirmation; and the network's lines by region and state.
 */
export class NetworkPage extends ConsoleElement {
    static properties = {
        api: { attribute: false }, registered: { attribute: false },
        saved: { state: true }, pending: { state: true },
        statusFilter: { state: true }, countryFilter: { state: true },
        regionFilter: { state: true }, stateFilter: { state: true },
    };

    constructor() {
        super();
        this.statusFilter = ANY;
        this.countryFilter = ANY;
        this.regionFilter = ANY;
        this.stateFilter = ANY;
        this.factories = new Loaded(this, () => this.api.all('/factories'));
        this.lines = new Loaded(this, () => this.api.all(this.stateFilter ? `/lines?state=${this.stateFilter}` : '/lines'));
    }

    firstUpdated() {
        this.factories.reload();
        this.lines.reload();
    }

    render() {
        return html`
            <h1 tabindex="-1">${t('network.title')}</h1>
            <p class="actions">
                <a class="action" href="/console/network/factories/new">${t('network.registerFactory')}</a>
                <a class="action" href="/console/network/export-centres/new">${t('network.registerCentre')}</a>
            </p>
            ${this.registered && !this.saved ? html`<p class="saved" role="status">${t('network.registered', {
                id: this.registered.id, status: t(`state.${this.registered.status}`) })}</p>` : ''}
            ${this.saved ? html`<p class="saved" role="status">${this.saved}</p>` : ''}
            ${this.factories.render(factories => this.members(factories))}
            ${this.linesSection()}
            <bwu-confirm-dialog @bwu-confirm=${event => this.changeStatus(event.detail.reason)}></bwu-confirm-dialog>`;
    }

    members(factories) {
        const countries = valuesOf(factories, 'country');
        const shown = factories.filter(factory => (!this.statusFilter || factory.status === this.statusFilter)
            && (!this.countryFilter || factory.country === this.countryFilter));
        return html`
            <div class="filters" role="group" aria-label=${t('network.filterMembers')}>
                ${this.select('network-country', t('network.country'), this.countryFilter, countries,
                    value => value, value => { this.countryFilter = value; })}
                ${this.select('network-status', t('network.status'), this.statusFilter, FACTORY_STATUSES,
                    value => t(`state.${value}`), value => { this.statusFilter = value; })}
            </div>
            ${this.kindSection('MANUFACTURER', 'network-factories', t('network.factories'), shown)}
            ${this.kindSection('EXPORT_CENTRE', 'network-centres', t('network.centres'), shown)}`;
    }

    select(id, label, value, options, word, change) {
        return html`
            <div class="field">
                <label for=${id}>${label}</label>
                <select id=${id} @change=${event => change(event.target.value)}>
                    <option value=${ANY} ?selected=${value === ANY}>${t('network.all')}</option>
                    ${options.map(option => html`<option value=${option} ?selected=${option === value}>${word(option)}</option>`)}
                </select>
            </div>`;
    }

    kindSection(kind, id, title, factories) {
        const members = factories.filter(factory => factory.kind === kind);
        const counts = countBy(members, 'status');
        // by country, then id: a country's members stand together
        const ordered = groupBy(members, 'country', 'id', 'status').flatMap(group => group.items);
        return html`
            <section aria-labelledby=${id} class="members" data-kind=${kind}>
                <h2 id=${id}>${title}
                    ${FACTORY_STATUSES.filter(status => counts[status]).map(status => html`
                        <span class="count-badge" data-status=${status}><bwu-state-badge state=${status}></bwu-state-badge>
                            ${formatNumber(counts[status])}</span>`)}</h2>
                ${members.length === 0 ? html`<p class="status empty">${t('network.none')}</p>` : html`
                    <div class="table-scroll">
                        <table class="factories">
                            <thead>
                                <tr>
                                    <th scope="col">${t('network.country')}</th>
                                    <th scope="col">${t('network.id')}</th>
                                    <th scope="col">${t('network.name')}</th>
                                    <th scope="col">${t('network.status')}</th>
                                    ${kind === 'MANUFACTURER' ? html`<th scope="col">${t('network.capabilities')}</th>` : ''}
                                    <th scope="col">${t('network.updatedAt')}</th>
                                    <th scope="col"><span class="visually-hidden">${t('network.actions')}</span></th>
                                </tr>
                            </thead>
                            <tbody>${ordered.map(factory => this.row(factory, kind))}</tbody>
                        </table>
                    </div>`}
            </section>`;
    }

    row(factory, kind) {
        const next = ACTIONS[factory.status];
        return html`
            <tr data-factory=${factory.id} data-status=${factory.status} data-country=${factory.country}>
                <td class="country">${factory.country}</td>
                <th scope="row">${factory.id}</th>
                <td>${factory.name}</td>
                <td><bwu-state-badge state=${factory.status}></bwu-state-badge>
                    ${factory.statusReason ? html`<span class="reason">${factory.statusReason}</span>` : ''}</td>
                ${kind === 'MANUFACTURER' ? html`<td>${factory.capabilities.map(c => t(`capability.${c}`)).join(', ')}</td>` : ''}
                <td>${formatDateTime(factory.updatedAt)}</td>
                <td>${next ? html`<button type="button" class="status-action ${next.action}"
                    @click=${event => this.confirm(factory, next, event.currentTarget)}>${t(`network.${next.action}`)}…</button>` : ''}</td>
            </tr>`;
    }

    /** Opens the confirmation of a status change, naming what it does. */
    confirm(factory, next, opener) {
        this.pending = { factory, ...next };
        const dialog = this.querySelector('bwu-confirm-dialog');
        const words = { name: factory.name, id: factory.id };
        dialog.heading = t(`network.${next.action}Heading`, words);
        dialog.effect = t(`network.${next.action}Effect.${factory.kind}`, words);
        dialog.confirmLabel = t(`network.${next.action}Confirm`, words);
        dialog.reasonLabel = next.action === 'activate' ? null : t('network.reason');
        dialog.reasonRequired = next.action === 'suspend';
        dialog.open(opener);
    }

    async changeStatus(reason) {
        const { factory, to } = this.pending;
        const dialog = this.querySelector('bwu-confirm-dialog');
        try {
            const changed = await this.api.post(`/factories/${encodeURIComponent(factory.id)}/status`, { status: to, reason });
            dialog.done();
            this.saved = t('network.changed', { id: changed.id, status: t(`state.${changed.status}`) });
            await this.factories.reload();
        } catch (error) {
            dialog.fail(error);
        }
    }

    linesSection() {
        return html`
            <section aria-labelledby="network-lines">
                <h2 id="network-lines">${t('network.lines')}</h2>
                ${this.lines.render(lines => this.lineGroups(lines))}
            </section>`;
    }

    lineGroups(lines) {
        const regions = valuesOf(lines, 'region');
        const shown = lines.filter(line => !this.regionFilter || line.region === this.regionFilter);
        return html`
            <div class="filters" role="group" aria-label=${t('network.filterLines')}>
                ${this.select('lines-region', t('network.region'), this.regionFilter, regions,
                    value => value.toUpperCase(), value => { this.regionFilter = value; })}
                ${this.select('lines-state', t('lines.state'), this.stateFilter, LINE_STATES,
                    value => t(`state.${value}`), value => { this.stateFilter = value; this.lines.reload(); })}
            </div>
            ${shown.length === 0 ? html`<p class="status empty">${t('lines.empty')}</p>`
                : groupBy(shown, 'region', 'lineId', 'state').map(group => html`
                    <h3 class="region" data-region=${group.key}>${t('network.regionOf', { region: group.key.toUpperCase() })}
                        ${LINE_STATES.filter(state => group.counts[state]).map(state => html`
                            <span class="count-badge" data-state=${state}><bwu-state-badge state=${state}></bwu-state-badge>
                                ${formatNumber(group.counts[state])}</span>`)}</h3>
                    <div class="table-scroll">
                        <table class="lines" data-region=${group.key}>
                            <thead>
                                <tr>
                                    <th scope="col">${t('lines.line')}</th>
                                    <th scope="col">${t('lines.state')}</th>
                                    <th scope="col">${t('network.factory')}</th>
                                    <th scope="col">${t('lines.technology')}</th>
                                    <th scope="col">${t('lines.since')}</th>
                                    <th scope="col">${t('lines.lastReport')}</th>
                                </tr>
                            </thead>
                            <tbody>
                                ${group.items.map(line => html`
                                    <tr data-line=${line.lineId}>
                                        <th scope="row"><a href="/console/lines/${encodeURIComponent(line.lineId)}">${line.lineId}</a></th>
                                        <td><bwu-state-badge state=${line.state}></bwu-state-badge></td>
                                        <td>${line.factoryId}</td>
                                        <td>${line.technologyCode}</td>
                                        <td>${formatDateTime(line.stateSince)}</td>
                                        <td>${line.lastReportObservedAt ? formatDateTime(line.lastReportObservedAt) : t('lines.never')}</td>
                                    </tr>`)}
                            </tbody>
                        </table>
                    </div>`)}`;
    }
}
customElements.define('bwu-network-page', NetworkPage);
