// What the officer's licence pages share: links to a licence or to the licences of a factory and technology.
import { html } from 'lit';
import { t } from './i18n.js';

/** A licence's id is a UUID: its first part is enough to tell licences apart on a screen. */
export function shortId(id) {
    return id.split('-')[0];
}

export function licenceLink(licence) {
    return html`<a class="mono" href="/console/licences/${encodeURIComponent(licence.id)}"
        aria-label=${t('licence.open', { technology: licence.technologyCode, factory: licence.factoryId })}
        title=${licence.id}>${shortId(licence.id)}</a>`;
}

export function licencesOfLink(factoryId, technologyCode) {
    const query = new URLSearchParams({ factoryId, technologyCode });
    return html`<a href="/console/licences?${query}">${t('unlicensed.licencesOf', { factory: factoryId, technology: technologyCode })}</a>`;
}
