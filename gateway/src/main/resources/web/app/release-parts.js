// What both technical data pages show of a revision: its facts and its files (each row with the page's own
// action: a download for a manufacturer, a removal for an officer).
import { html } from 'lit';
import { formatDateTime, locale, t } from './i18n.js';
import { formatBytes } from './files.js';
import './widgets.js';

export function releaseFacts(release) {
    return html`
        <dl class="facts">
            <div><dt>${t('techdata.revision')}</dt><dd class="revision">${release.revision}</dd></div>
            <div><dt>${t('techdata.state')}</dt><dd><bwu-state-badge state=${release.state}></bwu-state-badge></dd></div>
            <div><dt>${t('techdata.marking')}</dt><dd class="marking">${release.marking}</dd></div>
            <div><dt>${t('techdata.createdBy')}</dt><dd>${release.createdBy}, ${formatDateTime(release.createdAt)}</dd></div>
            ${release.releasedAt ? html`<div><dt>${t('techdata.releasedBy')}</dt>
                <dd class="released">${release.releasedBy}, ${formatDateTime(release.releasedAt)}</dd></div>` : ''}
            ${release.supersededAt ? html`<div><dt>${t('techdata.superseded')}</dt>
                <dd>${formatDateTime(release.supersededAt)}</dd></div>` : ''}
            ${release.withdrawnAt ? html`<div><dt>${t('techdata.withdrawnBy')}</dt>
                <dd>${release.withdrawnBy}, ${formatDateTime(release.withdrawnAt)}: ${release.withdrawnReason}</dd></div>` : ''}
            <div class="notes"><dt>${t('techdata.notes')}</dt><dd>${release.notes}</dd></div>
        </dl>`;
}

/** The files of a revision; action(file) renders the last cell of each row. */
export function filesTable(release, action, actionHeading) {
    if (release.files.length === 0) {
        return html`<p class="status empty">${t('techdata.noFiles')}</p>`;
    }
    return html`
        <div class="table-scroll">
            <table class="files" data-revision=${release.revision}>
                <caption class="visually-hidden">${t('techdata.filesOf', { revision: release.revision })}</caption>
                <thead>
                    <tr>
                        <th scope="col">${t('techdata.file')}</th>
                        <th scope="col">${t('techdata.mediaType')}</th>
                        <th scope="col" class="number">${t('techdata.size')}</th>
                        <th scope="col">SHA-256</th>
                        <th scope="col">${actionHeading}</th>
                    </tr>
                </thead>
                <tbody>
                    ${release.files.map(file => html`
                        <tr data-file=${file.name}>
                            <th scope="row" class="file-name">${file.name}</th>
                            <td>${file.mediaType}</td>
                            <td class="number" title=${t('techdata.bytes', { count: file.size })}>${formatBytes(file.size, locale())}</td>
                            <td class="mono sha256">${file.sha256}</td>
                            <td>${action(file)}</td>
                        </tr>`)}
                </tbody>
            </table>
        </div>`;
}
