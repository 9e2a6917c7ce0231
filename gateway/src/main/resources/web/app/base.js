// What every console element shares: rendered into the page itself (not a shadow root), so that the console's
// one stylesheet styles it and the page's landmarks and labels stay in one accessibility tree; and rendered
// again when the user switches the language.
import { LitElement, html } from 'lit';
import { LANGUAGE_CHANGED, t } from './i18n.js';

export class ConsoleElement extends LitElement {
    constructor() {
        super();
        this.onLanguageChanged = () => this.requestUpdate();
    }

    createRenderRoot() {
        return this;
    }

    connectedCallback() {
        super.connectedCallback();
        window.addEventListener(LANGUAGE_CHANGED, this.onLanguageChanged);
    }

    disconnectedCallback() {
        window.removeEventListener(LANGUAGE_CHANGED, this.onLanguageChanged);
        super.disconnectedCallback();
    }
}

/**
 * Something fetched from the API: loading, then either its value or the error. The owning element renders
 * again at each change.
 */
export class Loaded {
    constructor(host, load) {
        this.host = host;
        this.load = load;
        this.status = 'loading';
        this.value = undefined;
        this.error = undefined;
    }

    /**
     * Fetches it (again). What was shown stays on screen while it is fetched again, so that a form in it keeps
     * its state and its messages; a failure replaces it with the error.
     */
    async reload() {
        if (this.status !== 'ready') {
            this.status = 'loading';
            this.host.requestUpdate();
        }
        try {
            this.value = await this.load();
            this.status = 'ready';
        } catch (error) {
            this.error = error;
            this.status = 'error';
        }
        this.host.requestUpdate();
    }

    /** Loading and error states, an empty state when isEmpty(value), else ready(value). */
    render(ready, { isEmpty = () => false, empty = '' } = {}) {
        switch (this.status) {
            case 'loading':
                return html`<p class="status" role="status" aria-live="polite">${t('status.loading')}</p>`;
            case 'error':
                return html`<bwu-problem .error=${this.error} .retry=${() => this.reload()}></bwu-problem>`;
            default:
                return isEmpty(this.value) ? html`<p class="status empty">${empty}</p>` : ready(this.value);
        }
    }
}
