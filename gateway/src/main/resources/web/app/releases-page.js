import { html } from 'lit';
import { ConsoleElement, Loaded } from './base.js';
import { t } from './i18n.js';
import { contentDigest } from './files.js';
import { filesTable, releaseFacts } from './release-parts.js';
import './access-records.js';
import './widgets.js';

/**
 * A technology officer's technical data: a technology's revisions (newest first), a new DRAFT with its notes,
 * its files uploaded with their SHA-256 and a progress bar, released (saying which revision it supersedes) or
 * withdrawn with a reason; and who accessed what.
 */
export class ReleasesPage extends ConsoleElement {
    static properties = {
        api: { attribute: false },
        code: { state: true }, problem: { state: true }, saved: { state: true }, busy: { state: true },
        confirming: { state: true }, withdrawing: { state: true }, upload: { state: true },
    };

    constructor() {
        super();
        this.busy = false;
        // one key per new revision, so that a retry after a lost answer cannot create two
        this.draftKey = crypto.randomUUID();
        this.technologies = new Loaded(this, async () => {
            const page = await this.api.get('/technologies?size=100');
            this.code = this.code ?? page.items[0]?.code;
            return page.items;
        });
        this.releases = new Loaded(this, () => this.api.get(this.base));
    }

    firstUpdated() {
        this.technologies.reload();
    }

    updated(changed) {
        if (changed.has('code') && this.code) {
            this.releases.status = 'loading';
            this.releases.reload();
        }
    }

    get base() {
        return `/technologies/${encodeURIComponent(this.code)}/releases`;
    }

    fieldError(field) {
        return this.problem?.fieldErrors?.[field];
    }

    render() {
        return html`
            <h1 tabindex="-1">${t('techdata.title')}</h1>
            ${this.technologies.render(technologies => html`
                <div class="field technology-choice">
                    <label for="techdata-technology">${t('techdata.technology')}</label>
                    <select id="techdata-technology" @change=${event => this.choose(event.target.value)}>
                        ${technologies.map(technology => html`
                            <option value=${technology.code} ?selected=${technology.code === this.code}>
                                ${technology.code} — ${technology.name}</option>`)}
                    </select>
                </div>
                ${this.code ? this.technology() : ''}`, {
                isEmpty: technologies => technologies.length === 0, empty: t('techdata.noTechnologies'),
            })}`;
    }

    choose(code) {
        this.problem = null;
        this.saved = null;
        this.confirming = null;
        this.withdrawing = null;
        this.code = code;
    }

    technology() {
        const generalProblem = this.problem && (Object.keys(this.problem.fieldErrors ?? {}).length === 0
            || this.problem.detail);
        return html`
            ${generalProblem ? html`<bwu-problem .error=${this.problem}></bwu-problem>` : ''}
            ${this.saved ? html`<p class="saved" role="status">${this.saved}</p>` : ''}
            ${this.releases.render(releases => this.revisions(releases))}
            <h2>${t('techdata.accessRecords')}</h2>
            <bwu-access-records .api=${this.api} .showFactory=${true}
                path="${this.base}/access-records"></bwu-access-records>`;
    }

    revisions(releases) {
        const newestFirst = [...releases].reverse();
        return html`
            ${this.newRevisionForm()}
            ${newestFirst.length === 0 ? html`<p class="status empty">${t('techdata.noRevisions')}</p>` : ''}
            ${newestFirst.map(release => html`
                <section class="card revision" aria-labelledby="revision-${release.revision}"
                    data-revision=${release.revision} data-state=${release.state}>
                    <h2 id="revision-${release.revision}">${t('techdata.revisionTitle', { revision: release.revision })}
                        <bwu-state-badge state=${release.state}></bwu-state-badge></h2>
                    ${releaseFacts(release)}
                    <h3>${t('techdata.files')}</h3>
                    ${filesTable(release, file => (release.state === 'DRAFT' ? html`
                        <button type="button" class="remove" ?disabled=${this.busy}
                            aria-label=${t('techdata.removeFile', { name: file.name })}
                            @click=${() => this.removeFile(release, file)}>${t('techdata.remove')}</button>` : '—'),
                        release.state === 'DRAFT' ? t('techdata.remove') : '')}
                    ${release.state === 'DRAFT' ? this.draftActions(release, releases) : ''}
                    ${release.state === 'RELEASED' ? this.withdrawAction(release) : ''}
                </section>`)}`;
    }

    newRevisionForm() {
        const error = this.fieldError('notes');
        return html`
            <form novalidate class="card new-revision" @submit=${this.createRevision}>
                <h2>${t('techdata.newRevision')}</h2>
                <div class="field ${error ? 'invalid' : ''}" data-field="notes">
                    <label for="revision-notes">${t('techdata.notes')}</label>
                    <textarea id="revision-notes" name="notes" rows="3" aria-invalid=${error ? 'true' : 'false'}
                        aria-describedby=${error ? 'revision-notes-error' : ''}></textarea>
                    ${error ? html`<p class="field-error" id="revision-notes-error">${error}</p>` : ''}
                </div>
                <button type="submit" class="primary" ?disabled=${this.busy}>${t('techdata.createRevision')}</button>
            </form>`;
    }

    draftActions(release, releases) {
        const current = releases.find(other => other.state === 'RELEASED');
        const upload = this.upload?.revision === release.revision ? this.upload : null;
        const id = `upload-${release.revision}`;
        return html`
            <form novalidate class="upload" @submit=${event => this.uploadFile(event, release)}>
                <div class="field">
                    <label for="${id}-file">${t('techdata.uploadFile')}</label>
                    <input id="${id}-file" name="file" type="file" aria-describedby="${id}-hint">
                    <p class="hint" id="${id}-hint">${t('techdata.uploadHint')}</p>
                </div>
                <button type="submit" ?disabled=${this.busy}>${t('techdata.upload')}</button>
                ${upload ? html`
                    <div class="progress" data-phase=${upload.phase}>
                        <label for="${id}-progress">${t(`techdata.phase.${upload.phase}`, { name: upload.name })}</label>
                        <progress id="${id}-progress" max="100" value=${Math.round(upload.fraction * 100)}
                            >${Math.round(upload.fraction * 100)} %</progress>
                        <span class="percent">${Math.round(upload.fraction * 100)} %</span>
                    </div>` : ''}
            </form>
            ${this.confirming === release.revision ? html`
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-${release.revision}">
                    <p id="confirm-${release.revision}">${t('techdata.releaseEffect', { revision: release.revision })}
                        ${current ? t('techdata.supersedes', { revision: current.revision }) : ''}</p>
                    <button type="button" class="primary confirm-release" ?disabled=${this.busy}
                        @click=${() => this.release(release)}>${t('techdata.releaseRevision', { revision: release.revision })}</button>
                    <button type="button" class="cancel" @click=${() => { this.confirming = null; }}>${t('techdata.cancel')}</button>
                </div>` : html`
                <button type="button" class="primary release" ?disabled=${this.busy || release.files.length === 0}
                    @click=${() => { this.confirming = release.revision; }}>${t('techdata.release')}</button>`}`;
    }

    withdrawAction(release) {
        if (this.withdrawing !== release.revision) {
            return html`<button type="button" class="withdraw" @click=${() => { this.withdrawing = release.revision; }}>
                ${t('techdata.withdraw')}</button>`;
        }
        const error = this.fieldError('reason');
        return html`
            <form novalidate class="withdraw-form" @submit=${event => this.withdraw(event, release)}>
                <div class="field ${error ? 'invalid' : ''}" data-field="reason">
                    <label for="withdraw-reason">${t('techdata.withdrawReason', { revision: release.revision })}</label>
                    <input id="withdraw-reason" name="reason" aria-invalid=${error ? 'true' : 'false'}
                        aria-describedby=${error ? 'withdraw-reason-error' : ''}>
                    ${error ? html`<p class="field-error" id="withdraw-reason-error">${error}</p>` : ''}
                </div>
                <button type="submit" class="primary" ?disabled=${this.busy}>${t('techdata.withdrawRevision', { revision: release.revision })}</button>
                <button type="button" class="cancel" @click=${() => { this.withdrawing = null; }}>${t('techdata.cancel')}</button>
            </form>`;
    }

    async createRevision(event) {
        event.preventDefault();
        const form = event.target;
        const notes = String(new FormData(form).get('notes') ?? '').trim();
        await this.act(async () => {
            try {
                const created = await this.api.post(this.base, { notes: notes === '' ? null : notes },
                    { 'Idempotency-Key': this.draftKey });
                form.reset();
                this.draftKey = crypto.randomUUID();
                return t('techdata.created', { revision: created.revision });
            } catch (error) {
                if (error.status !== 0) {
                    // refused: the corrected revision is another request
                    this.draftKey = crypto.randomUUID();
                }
                throw error;
            }
        });
    }

    async uploadFile(event, release) {
        event.preventDefault();
        const form = event.target;
        const file = form.elements.file.files[0];
        if (!file) {
            this.problem = { title: t('techdata.uploadFile'), detail: t('techdata.chooseFile') };
            return;
        }
        await this.act(async () => {
            const revision = release.revision;
            this.upload = { revision, name: file.name, phase: 'digest', fraction: 0 };
            const digest = await contentDigest(file, fraction => { this.upload = { ...this.upload, fraction }; });
            this.upload = { revision, name: file.name, phase: 'upload', fraction: 0 };
            const stored = await this.api.upload(
                `${this.base}/${encodeURIComponent(release.revision)}/files/${encodeURIComponent(file.name)}`, file,
                { 'Content-Type': file.type || 'application/octet-stream', 'Content-Digest': digest },
                fraction => { this.upload = { ...this.upload, fraction }; });
            this.upload = { revision, name: file.name, phase: 'done', fraction: 1 };
            form.reset();
            return t('techdata.uploaded', { name: stored.name, revision: release.revision });
        }, () => { this.upload = null; });
    }

    async removeFile(release, file) {
        await this.act(async () => {
            await this.api.delete(`${this.base}/${encodeURIComponent(release.revision)}/files/${encodeURIComponent(file.name)}`);
            return t('techdata.removed', { name: file.name, revision: release.revision });
        });
    }

    async release(release) {
        await this.act(async () => {
            await this.api.post(`${this.base}/${encodeURIComponent(release.revision)}/release`);
            this.confirming = null;
            return t('techdata.releasedNow', { revision: release.revision });
        });
    }

    async withdraw(event, release) {
        event.preventDefault();
        const reason = String(new FormData(event.target).get('reason') ?? '').trim();
        await this.act(async () => {
            await this.api.post(`${this.base}/${encodeURIComponent(release.revision)}/withdraw`,
                { reason: reason === '' ? null : reason });
            this.withdrawing = null;
            return t('techdata.withdrawnNow', { revision: release.revision });
        });
    }

    /**
     * A change of the officer's: its message on success, its refusal (field errors beside the fields) on failure;
     * the revisions and the access records read again either way.
     */
    async act(change, onFailure = () => {}) {
        this.busy = true;
        this.saved = null;
        try {
            this.saved = await change();
            this.problem = null;
        } catch (error) {
            this.problem = error;
            onFailure();
        } finally {
            this.busy = false;
        }
        await this.releases.reload();
        this.querySelector('bwu-access-records')?.refresh();
        await this.updateComplete;
        this.querySelector('[aria-invalid="true"]')?.focus();
    }
}
customElements.define('bwu-releases-page', ReleasesPage);
