import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { formatDateTime, t } from './i18n.js';
import './widgets.js';

const PAGE_SIZE = 20;

/**
 * Who accessed which technical data, newest first, a page at a time, as the API recorded it (each listing,
 * reading, acknowledgement and download, allowed or refused, with the reason of a refusal).
 */
export class AccessRecords extends ConsoleElement {
    static properties = { api: { attribute: false }, path: {}, showFactory: { type: Boolean }, page: { state: true } };

    constructor() {
        super();
        this.page = 0;
        this.records = new Loaded(this, () => this.api.get(`${this.path}?page=${this.page}&size=${PAGE_SIZE}`));
    }

    updated(changed) {
        if (changed.has('path') || changed.has('page')) {
            this.records.reload();
        }
    }

    /** Fetches the newest records again (after an access of the user's own). */
    refresh() {
        if (this.page === 0) {
            this.records.reload();
        } else {
            this.page = 0;
        }
    }

    render() {
        return this.records.render(page => this.table(page), {
            isEmpty: page => page.total === 0, empty: t('access.empty'),
        });
    }

    table(page) {
        const pages = Math.max(1, Math.ceil(page.total / page.size));
        return html`
            <div class="table-scroll">
                <table class="access-records">
                    <thead>
                        <tr>
                            <th scope="col">${t('access.when')}</th>
                            <th scope="col">${t('access.who')}</th>
                            ${this.showFactory ? html`<th scope="col">${t('access.factory')}</th>` : ''}
                            <th scope="col">${t('access.revision')}</th>
                            <th scope="col">${t('access.action')}</th>
                            <th scope="col">${t('access.file')}</th>
                            <th scope="col">${t('access.outcome')}</th>
                            <th scope="col">${t('access.reason')}</th>
                            <th scope="col">${t('access.downloadId')}</th>
                        </tr>
                    </thead>
                    <tbody>
                        ${page.items.map(record => html`
                            <tr data-position=${record.position} data-action=${record.action}
                                data-outcome=${record.outcome} data-download-id=${record.downloadId ?? ''}>
                                <td>${formatDateTime(record.recordedAt)}</td>
                                <td>${record.actor}</td>
                                ${this.showFactory ? html`<td>${record.factoryId ?? '—'}</td>` : ''}
                                <td>${record.revision ?? '—'}</td>
                                <td>${t(`access.action.${record.action}`)}</td>
                                <td class="file-name">${record.file ?? '—'}</td>
                                <td><span class="outcome outcome-${record.outcome.toLowerCase()}">${t(`access.outcome.${record.outcome}`)}</span></td>
                                <td>${record.reason ?? ''}</td>
                                <td class="mono">${record.downloadId ?? ''}</td>
                            </tr>`)}
                    </tbody>
                </table>
            </div>
            <nav class="pager" aria-label=${t('access.pages')}>
                <button type="button" ?disabled=${this.page === 0} @click=${() => { this.page -= 1; }}>${t('access.newer')}</button>
                <span>${t('access.pageOf', { page: this.page + 1, pages })}</span>
                <button type="button" ?disabled=${this.page + 1 >= pages} @click=${() => { this.page += 1; }}>${t('access.older')}</button>
            </nav>`;
    }
}
customElements.define('bwu-access-records', AccessRecords);
