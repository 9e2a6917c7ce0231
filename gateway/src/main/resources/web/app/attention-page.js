import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { formatDate, formatDateTime, formatNumber, isoToday, t } from './i18n.js';
import { EXPIRY_DAYS, expiresSoon, nearExhaustion, outputKey } from './licence-attention.js';
import { RATE_DAYS } from './licence-run-out.js';
import { recentGoodUnits } from './recent-output.js';
import { licenceLink, licencesOfLink } from './licence-parts.js';
import './widgets.js';

/**
 * A technology officer's first screen, "what needs me now": requests to decide, licences near exhaustion or
 * expiry, and output no licence covered. Every row leads to the licence (or, for unlicensed output, to the
 * licences of that factory and technology).
 */
export class AttentionPage extends ConsoleElement {
    static properties = { api: { attribute: false } };

    constructor() {
        super();
        this.requested = new Loaded(this, () => this.api.all('/licences?status=REQUESTED'));
        this.granted = new Loaded(this, async () => {
            const [licences, output] = await Promise.all([this.api.all('/licences?status=GRANTED'),
                recentGoodUnits(this.api, line => outputKey(line.factoryId, line.technologyCode))]);
            const today = isoToday();
            const units = licence => output.get(outputKey(licence.factoryId, licence.technologyCode)) ?? 0;
            return {
                nearExhaustion: licences.map(licence => ({ licence, danger: nearExhaustion(licence, units(licence), today) }))
                    .filter(row => row.danger !== null),
                expiring: licences.filter(licence => expiresSoon(licence, today))
                    .sort((a, b) => a.validTo.localeCompare(b.validTo)),
            };
        });
        this.unlicensed = new Loaded(this, () => this.api.get('/licences/unlicensed-output?size=20'));
    }

    firstUpdated() {
        this.requested.reload();
        this.granted.reload();
        this.unlicensed.reload();
    }

    render() {
        return html`
            <h1 tabindex="-1">${t('attention.title')}</h1>
            <ul class="counts" aria-label=${t('attention.counts')}>
                ${this.count('requested', this.requested, items => items.length)}
                ${this.count('near-exhaustion', this.granted, value => value.nearExhaustion.length)}
                ${this.count('expiring', this.granted, value => value.expiring.length)}
                ${this.count('unlicensed', this.unlicensed, page => page.total)}
            </ul>
            <section aria-labelledby="attention-requested" data-section="requested">
                <h2 id="attention-requested">${t('attention.requested')}</h2>
                ${this.requested.render(items => this.requestedTable(items), {
                    isEmpty: items => items.length === 0, empty: t('attention.noneRequested') })}
            </section>
            <section aria-labelledby="attention-near-exhaustion" data-section="near-exhaustion">
                <h2 id="attention-near-exhaustion">${t('attention.nearExhaustion')}</h2>
                <p class="hint">${t('attention.nearExhaustionHint', { days: RATE_DAYS })}</p>
                ${this.granted.render(value => this.exhaustionTable(value.nearExhaustion), {
                    isEmpty: value => value.nearExhaustion.length === 0, empty: t('attention.noneNearExhaustion') })}
            </section>
            <section aria-labelledby="attention-expiring" data-section="expiring">
                <h2 id="attention-expiring">${t('attention.expiring', { days: EXPIRY_DAYS })}</h2>
                ${this.granted.render(value => this.expiringTable(value.expiring), {
                    isEmpty: value => value.expiring.length === 0, empty: t('attention.noneExpiring') })}
            </section>
            <section aria-labelledby="attention-unlicensed" data-section="unlicensed">
                <h2 id="attention-unlicensed">${t('attention.unlicensed')}</h2>
                ${this.unlicensed.render(page => this.unlicensedTable(page), {
                    isEmpty: page => page.items.length === 0, empty: t('attention.noneUnlicensed') })}
            </section>`;
    }

    count(name, loaded, of) {
        return html`<li data-count=${name}>${t(`attention.count.${name}`)}
            <span class="count">${loaded.status === 'ready' ? formatNumber(of(loaded.value)) : '…'}</span></li>`;
    }

    requestedTable(licences) {
        return html`
            <div class="table-scroll">
                <table class="attention-requested">
                    <thead><tr>
                        <th scope="col">${t('licence.licence')}</th>
                        <th scope="col">${t('licences.technology')}</th>
                        <th scope="col">${t('licence.factory')}</th>
                        <th scope="col" class="number">${t('licences.cap')}</th>
                        <th scope="col">${t('licences.validFrom')}</th>
                        <th scope="col">${t('licences.validTo')}</th>
                        <th scope="col">${t('licence.requestedBy')}</th>
                        <th scope="col">${t('licence.requestedAt')}</th>
                    </tr></thead>
                    <tbody>${licences.map(licence => html`
                        <tr data-licence=${licence.id}>
                            <th scope="row">${licenceLink(licence)}</th>
                            <td>${licence.technologyCode}</td>
                            <td>${licence.factoryId}</td>
                            <td class="number">${formatNumber(licence.quantityCap)}</td>
                            <td>${formatDate(licence.validFrom)}</td>
                            <td>${formatDate(licence.validTo)}</td>
                            <td>${licence.requestedBy ?? '—'}</td>
                            <td>${formatDateTime(licence.createdAt)}</td>
                        </tr>`)}
                    </tbody>
                </table>
            </div>`;
    }

    exhaustionTable(rows) {
        return html`
            <div class="table-scroll">
                <table class="attention-near-exhaustion">
                    <thead><tr>
                        <th scope="col">${t('licence.licence')}</th>
                        <th scope="col">${t('licences.technology')}</th>
                        <th scope="col">${t('licence.factory')}</th>
                        <th scope="col" class="number">${t('licences.remaining')}</th>
                        <th scope="col" class="number">${t('licences.cap')}</th>
                        <th scope="col">${t('licences.validTo')}</th>
                        <th scope="col">${t('attention.why')}</th>
                    </tr></thead>
                    <tbody>${rows.map(({ licence, danger }) => html`
                        <tr data-licence=${licence.id}>
                            <th scope="row">${licenceLink(licence)}</th>
                            <td>${licence.technologyCode}</td>
                            <td>${licence.factoryId}</td>
                            <td class="number">${formatNumber(licence.remainingQuota)}</td>
                            <td class="number">${formatNumber(licence.quantityCap)}</td>
                            <td>${formatDate(licence.validTo)}</td>
                            <td>${danger.lowQuota ? html`<span class="badge badge-warning">${t('attention.lowQuota')}</span> ` : ''}
                                ${danger.runsOutOn ? html`<span class="badge badge-warning">${t('attention.runsOutOn',
                                    { date: formatDate(danger.runsOutOn) })}</span>` : ''}</td>
                        </tr>`)}
                    </tbody>
                </table>
            </div>`;
    }

    expiringTable(licences) {
        return html`
            <div class="table-scroll">
                <table class="attention-expiring">
                    <thead><tr>
                        <th scope="col">${t('licence.licence')}</th>
                        <th scope="col">${t('licences.technology')}</th>
                        <th scope="col">${t('licence.factory')}</th>
                        <th scope="col">${t('licences.validTo')}</th>
                        <th scope="col" class="number">${t('licences.remaining')}</th>
                    </tr></thead>
                    <tbody>${licences.map(licence => html`
                        <tr data-licence=${licence.id}>
                            <th scope="row">${licenceLink(licence)}</th>
                            <td>${licence.technologyCode}</td>
                            <td>${licence.factoryId}</td>
                            <td>${formatDate(licence.validTo)}</td>
                            <td class="number">${formatNumber(licence.remainingQuota)}</td>
                        </tr>`)}
                    </tbody>
                </table>
            </div>`;
    }

    unlicensedTable(page) {
        return html`
            <div class="table-scroll">
                <table class="attention-unlicensed">
                    <thead><tr>
                        <th scope="col">${t('unlicensed.observedAt')}</th>
                        <th scope="col">${t('unlicensed.line')}</th>
                        <th scope="col">${t('licence.factory')}</th>
                        <th scope="col">${t('licences.technology')}</th>
                        <th scope="col" class="number">${t('unlicensed.units')}</th>
                        <th scope="col" class="number">${t('unlicensed.goodUnits')}</th>
                        <th scope="col">${t('unlicensed.reason')}</th>
                        <th scope="col">${t('unlicensed.licences')}</th>
                    </tr></thead>
                    <tbody>${page.items.map(output => html`
                        <tr data-output=${output.outputEventId}>
                            <td>${formatDateTime(output.observedAt)}</td>
                            <td>${output.lineId}</td>
                            <td>${output.factoryId}</td>
                            <td>${output.technologyCode}</td>
                            <td class="number">${formatNumber(output.unlicensedUnits)}</td>
                            <td class="number">${formatNumber(output.goodUnits)}</td>
                            <td>${t(`unlicensed.reason.${output.reason}`)}</td>
                            <td>${licencesOfLink(output.factoryId, output.technologyCode)}</td>
                        </tr>`)}
                    </tbody>
                </table>
            </div>
            ${page.total > page.items.length
                ? html`<p class="hint">${t('attention.newestOf', { shown: page.items.length, total: formatNumber(page.total) })}</p>` : ''}`;
    }
}
customElements.define('bwu-attention-page', AttentionPage);
