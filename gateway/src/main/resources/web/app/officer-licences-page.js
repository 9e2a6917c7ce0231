import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { formatDate, formatNumber, t } from './i18n.js';
import { licenceLink } from './licence-parts.js';
import './widgets.js';

const STATUSES = ['REQUESTED', 'GRANTED', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'EXHAUSTED'];
const FILTERS = ['factoryId', 'technologyCode', 'status'];
const PAGE_SIZE = 20;

/**
 * The network's licences for a technology officer, filtered by factory, technology and status through the API's
 * query parameters and paged as the API pages them. The filters are in the address, so that a link (from
 * unlicensed output, say) or a reload shows the same list.
 */
export class OfficerLicencesPage extends ConsoleElement {
    static properties = { api: { attribute: false }, query: {}, page: { state: true } };

    constructor() {
        super();
        this.page = 0;
        this.choices = new Loaded(this, async () => {
            const [factories, technologies] = await Promise.all([
                this.api.all('/factories?kind=MANUFACTURER'), this.api.all('/technologies')]);
            return { factories, technologies };
        });
        this.licences = new Loaded(this, () => {
            const query = new URLSearchParams();
            Object.entries(this.filters()).forEach(([name, value]) => query.set(name, value));
            query.set('page', this.page);
            query.set('size', PAGE_SIZE);
            return this.api.get(`/licences?${query}`);
        });
    }

    firstUpdated() {
        this.choices.reload();
    }

    updated(changed) {
        if (changed.has('query') || changed.has('page')) {
            this.licences.status = 'loading';
            this.licences.reload();
        }
    }

    /** The filters set in the address, each a query parameter of the API. */
    filters() {
        const query = new URLSearchParams(this.query ?? '');
        return Object.fromEntries(FILTERS.filter(name => query.get(name)).map(name => [name, query.get(name)]));
    }

    filter(event) {
        event.preventDefault();
        const data = new FormData(event.target);
        const query = new URLSearchParams();
        FILTERS.forEach(name => {
            const value = String(data.get(name) ?? '');
            if (value !== '') {
                query.set(name, value);
            }
        });
        const search = query.size ? `?${query}` : '';
        window.history.pushState(null, '', `${window.location.pathname}${search}`);
        this.page = 0;
        // the console keeps the address's query and hands it back down
        this.dispatchEvent(new CustomEvent('bwu-query-changed', { bubbles: true, composed: true, detail: search }));
    }

    render() {
        return html`
            <h1 tabindex="-1">${t('licences.title')}</h1>
            <p><a class="action" href="/console/licences/new">${t('grant.title')}</a></p>
            ${this.choices.render(choices => this.filterForm(choices))}
            ${this.licences.render(page => this.table(page), {
                isEmpty: page => page.total === 0, empty: t('licences.noneMatch') })}`;
    }

    filterForm({ factories, technologies }) {
        const current = this.filters();
        return html`
            <form class="card filters" role="search" aria-label=${t('licences.filters')} @submit=${this.filter}>
                <div class="fields">
                    <div class="field">
                        <label for="filter-factoryId">${t('licence.factory')}</label>
                        <select id="filter-factoryId" name="factoryId">
                            <option value="">${t('licences.any')}</option>
                            ${factories.map(factory => html`<option value=${factory.id}
                                ?selected=${factory.id === current.factoryId}>${factory.name} (${factory.id})</option>`)}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-technologyCode">${t('licences.technology')}</label>
                        <select id="filter-technologyCode" name="technologyCode">
                            <option value="">${t('licences.any')}</option>
                            ${technologies.map(technology => html`<option value=${technology.code}
                                ?selected=${technology.code === current.technologyCode}>${technology.code} — ${technology.name}</option>`)}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-status">${t('licences.status')}</label>
                        <select id="filter-status" name="status">
                            <option value="">${t('licences.any')}</option>
                            ${STATUSES.map(status => html`<option value=${status}
                                ?selected=${status === current.status}>${t(`state.${status}`)}</option>`)}
                        </select>
                    </div>
                </div>
                <button type="submit" class="primary">${t('licences.applyFilters')}</button>
            </form>`;
    }

    table(page) {
        const pages = Math.max(1, Math.ceil(page.total / page.size));
        return html`
            <div class="table-scroll">
                <table class="officer-licences">
                    <thead><tr>
                        <th scope="col">${t('licence.licence')}</th>
                        <th scope="col">${t('licences.technology')}</th>
                        <th scope="col">${t('licence.factory')}</th>
                        <th scope="col">${t('licences.status')}</th>
                        <th scope="col" class="number">${t('licences.remaining')}</th>
                        <th scope="col" class="number">${t('licences.cap')}</th>
                        <th scope="col">${t('licences.validFrom')}</th>
                        <th scope="col">${t('licences.validTo')}</th>
                    </tr></thead>
                    <tbody>${page.items.map(licence => html`
                        <tr data-licence=${licence.id} data-technology=${licence.technologyCode}
                            data-factory=${licence.factoryId} data-status=${licence.status}>
                            <th scope="row">${licenceLink(licence)}</th>
                            <td>${licence.technologyCode}</td>
                            <td>${licence.factoryId}</td>
                            <td><bwu-state-badge state=${licence.status}></bwu-state-badge></td>
                            <td class="number">${formatNumber(licence.remainingQuota)}</td>
                            <td class="number">${formatNumber(licence.quantityCap)}</td>
                            <td>${formatDate(licence.validFrom)}</td>
                            <td>${formatDate(licence.validTo)}</td>
                        </tr>`)}
                    </tbody>
                </table>
            </div>
            <nav class="pager" aria-label=${t('licences.pages')}>
                <button type="button" ?disabled=${this.page === 0} @click=${() => { this.page -= 1; }}>${t('licences.previous')}</button>
                <span>${t('access.pageOf', { page: this.page + 1, pages })} · ${t('licences.total', { total: formatNumber(page.total) })}</span>
                <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => { this.page += 1; }}>${t('licences.next')}</button>
            </nav>`;
    }
}
customElements.define('bwu-officer-licences-page', OfficerLicencesPage);
