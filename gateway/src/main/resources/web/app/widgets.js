import { html } from 'lit';
import { ConsoleElement } from './base.js';
import { t } from './i18n.js';

/** A state as colour and word (never colour alone). */
export class StateBadge extends ConsoleElement {
    static properties = { state: {} };

    render() {
        return this.state
            ? html`<span class="badge badge-${this.state.toLowerCase()}">${t(`state.${this.state}`)}</span>` : '';
    }
}
customElements.define('bwu-state-badge', StateBadge);

/** An API refusal or failure as a readable message, with a retry where one makes sense. */
export class ProblemMessage extends ConsoleElement {
    static properties = { error: { attribute: false }, retry: { attribute: false } };

    render() {
        const error = this.error ?? {};
        const title = error.title || t('error.title');
        const detail = error.detail || (error.status === 403 ? t('error.forbidden') : error.message);
        return html`
            <div class="problem" role="alert">
                <p class="problem-title">${title}</p>
                ${detail && detail !== title ? html`<p class="problem-detail">${detail}</p>` : ''}
                ${this.retry && (error.status === 0 || error.status >= 500)
                    ? html`<button type="button" @click=${this.retry}>${t('status.retry')}</button>` : ''}
            </div>`;
    }
}
customElements.define('bwu-problem', ProblemMessage);
