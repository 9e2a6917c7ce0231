import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { formatDate, formatNumber, isoToday, t } from './i18n.js';
import { RATE_DAYS, licenceRunOut } from './licence-run-out.js';
import { recentGoodUnits } from './recent-output.js';
import './widgets.js';

/**
 * A manufacturer's licences (its own factory's, as the API decides): what it may still build, until when, and
 * when its remaining quota runs out if its lines keep building at the rate of the last days.
 */
export class LicencesPage extends ConsoleElement {
    static properties = { api: { attribute: false } };

    constructor() {
        super();
        this.licences = new Loaded(this, () => this.api.get('/licences?size=100'));
        this.output = new Loaded(this, () => recentGoodUnits(this.api, line => line.technologyCode));
    }

    firstUpdated() {
        this.licences.reload();
        this.output.reload();
    }

    render() {
        return html`
            <h1 tabindex="-1">${t('licences.myTitle')}</h1>
            ${this.licences.render(page => this.table(page.items), {
                isEmpty: page => page.items.length === 0, empty: t('licences.empty'),
            })}`;
    }

    table(licences) {
        return html`
            <div class="table-scroll">
                <table class="licences">
                    <thead>
                        <tr>
                            <th scope="col">${t('licences.technology')}</th>
                            <th scope="col">${t('licences.status')}</th>
                            <th scope="col" class="number">${t('licences.remaining')}</th>
                            <th scope="col" class="number">${t('licences.cap')}</th>
                            <th scope="col">${t('licences.validFrom')}</th>
                            <th scope="col">${t('licences.validTo')}</th>
                            <th scope="col">${t('licences.runOut')}</th>
                            <th scope="col">${t('licences.territories')}</th>
                        </tr>
                    </thead>
                    <tbody>
                        ${licences.map(licence => html`
                            <tr data-licence=${licence.id} data-technology=${licence.technologyCode}>
                                <th scope="row">${licence.technologyCode}</th>
                                <td><bwu-state-badge state=${licence.status}></bwu-state-badge></td>
                                <td class="number remaining">${formatNumber(licence.remainingQuota)}</td>
                                <td class="number">${formatNumber(licence.quantityCap)}</td>
                                <td>${formatDate(licence.validFrom)}</td>
                                <td>${formatDate(licence.validTo)}</td>
                                <td class="run-out">${this.runOut(licence)}</td>
                                <td>${licence.exportTerritories.length ? licence.exportTerritories.join(', ') : '—'}</td>
                            </tr>`)}
                    </tbody>
                </table>
            </div>
            <p class="hint">${t('licences.rateHint', { days: RATE_DAYS })}</p>`;
    }

    runOut(licence) {
        if (this.output.status !== 'ready') {
            return this.output.render(() => '');
        }
        const { runsOutOn, warning } = licenceRunOut(licence, this.output.value.get(licence.technologyCode) ?? 0,
            isoToday());
        if (!runsOutOn) {
            return t('licences.notAtRate');
        }
        return html`${formatDate(runsOutOn)}${warning
            ? html` <span class="badge badge-warning">${t('licences.runOutWarning')}</span>` : ''}`;
    }
}
customElements.define('bwu-licences-page', LicencesPage);
