import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { formatDateTime, t } from './i18n.js';
import { saveAs } from './files.js';
import { filesTable, releaseFacts } from './release-parts.js';
import './access-records.js';
import './widgets.js';

/**
 * A manufacturer's technical data: for each licence of its factory, the technology's released revision, the
 * export-control notice to acknowledge before any download, the files, and the licence's access history.
 */
export class TechnicalDataPage extends ConsoleElement {
    static properties = { api: { attribute: false } };

    constructor() {
        super();
        this.licences = new Loaded(this, () => this.api.get('/licences?size=100'));
    }

    firstUpdated() {
        this.licences.reload();
    }

    render() {
        return html`
            <h1 tabindex="-1">${t('techdata.title')}</h1>
            ${this.licences.render(page => page.items.map(licence => html`
                <bwu-licensed-technology .api=${this.api} .licence=${licence}>
                </bwu-licensed-technology>`), {
                isEmpty: page => page.items.length === 0, empty: t('techdata.noLicences'),
            })}`;
    }
}
customElements.define('bwu-technical-data-page', TechnicalDataPage);

/** One licence's technology: what the API lets the factory see of it, and what it did with it. */
export class LicensedTechnology extends ConsoleElement {
    static properties = {
        api: { attribute: false }, licence: { attribute: false },
        acknowledged: { state: true }, problem: { state: true }, downloaded: { state: true }, busy: { state: true },
    };

    constructor() {
        super();
        /** revision → the user's acknowledgement of its notice ({ at, by }), as the API answered it */
        this.acknowledged = new Map();
        this.busy = false;
        this.releases = new Loaded(this, () => this.loadReleases());
    }

    firstUpdated() {
        this.releases.reload();
    }

    get code() {
        return this.licence.technologyCode;
    }

    get base() {
        return `/technologies/${encodeURIComponent(this.code)}/releases`;
    }

    async loadReleases() {
        const releases = await this.api.get(this.base);
        // each release says whether the user has acknowledged its notice
        this.acknowledged = new Map(releases.filter(release => release.acknowledgement)
            .map(release => [release.revision, release.acknowledgement]));
        return releases;
    }

    render() {
        const id = `techdata-${this.code}`;
        return html`
            <section class="card technology" aria-labelledby=${id} data-technology=${this.code}>
                <h2 id=${id}>${this.code}
                    <bwu-state-badge state=${this.licence.status}></bwu-state-badge></h2>
                ${this.releases.render(releases => this.released(releases.find(release => release.state === 'RELEASED')))}
                <h3>${t('techdata.history')}</h3>
                <bwu-access-records class="history" .api=${this.api}
                    path="/licences/${encodeURIComponent(this.licence.id)}/technical-data-access"></bwu-access-records>
            </section>`;
    }

    released(release) {
        if (!release) {
            return html`<p class="status empty">${t('techdata.noRelease')}</p>`;
        }
        const acknowledgement = this.acknowledged.get(release.revision);
        const acknowledged = acknowledgement !== undefined;
        const whyDisabled = `why-${this.code}`;
        return html`
            ${releaseFacts(release)}
            ${this.problem ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
            <section class="notice" aria-labelledby="notice-${this.code}">
                <h3 id="notice-${this.code}">${t('techdata.notice')}</h3>
                <p class="notice-text">${release.notice}</p>
                ${acknowledged
                    ? html`<p class="acknowledged">✓ ${t('techdata.acknowledged',
                        { revision: release.revision, at: formatDateTime(acknowledgement.at) })}</p>`
                    : html`
                        <p class="why-disabled" id=${whyDisabled}>${t('techdata.acknowledgeFirst')}</p>
                        <button type="button" class="primary acknowledge" ?disabled=${this.busy}
                            @click=${() => this.acknowledge(release)}>${t('techdata.acknowledge')}</button>`}
            </section>
            ${this.downloaded ? html`<p class="saved downloaded" role="status" data-download-id=${this.downloaded.downloadId}>
                ${t('techdata.downloaded', this.downloaded)}</p>` : ''}
            <h3>${t('techdata.files')}</h3>
            ${filesTable(release, file => html`
                <button type="button" class="download" ?disabled=${!acknowledged || this.busy}
                    aria-describedby=${acknowledged ? '' : whyDisabled}
                    aria-label=${t('techdata.downloadFile', { name: file.name })}
                    @click=${() => this.download(release, file)}>${t('techdata.download')}</button>`, t('techdata.download'))}`;
    }

    async acknowledge(release) {
        await this.act(async () => {
            const given = await this.api.post(`${this.base}/${encodeURIComponent(release.revision)}/acknowledgement`, {});
            this.acknowledged = new Map([...this.acknowledged,
                [release.revision, { at: given.acknowledgedAt, by: given.acknowledgedBy }]]);
        });
    }

    async download(release, file) {
        await this.act(async () => {
            const saved = await this.api.download(
                `${this.base}/${encodeURIComponent(release.revision)}/files/${encodeURIComponent(file.name)}`);
            saveAs(saved.blob, saved.name);
            this.downloaded = { name: saved.name, downloadId: saved.downloadId };
        });
    }

    /** An acknowledgement or a download: its refusal shown, and the access history read again either way. */
    async act(action) {
        this.busy = true;
        this.problem = null;
        this.downloaded = null;
        try {
            await action();
        } catch (error) {
            this.problem = error;
        } finally {
            this.busy = false;
            this.querySelector('bwu-access-records')?.refresh();
        }
    }
}
customElements.define('bwu-licensed-technology', LicensedTechnology);
