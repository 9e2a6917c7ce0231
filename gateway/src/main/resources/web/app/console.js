import { html } from 'lit';
import { Api } from './api.js';
import { ConsoleElement } from './base.js';
import { LANGUAGES, currentLanguage, setLanguage, t } from './i18n.js';
import { Session } from './session.js';
import './attention-page.js';
import './grant-form.js';
import './licence-page.js';
import './line-page.js';
import './factory-form.js';
import './licences-page.js';
import './lines-page.js';
import './network-page.js';
import './order-form.js';
import './order-page.js';
import './officer-licences-page.js';
import './orders-page.js';
import './platform-page.js';
import './releases-page.js';
import './technical-data-page.js';
import './technologies-page.js';
import './widgets.js';

const ROOT = '/console';
const ROLES = ['manufacturer', 'technology-officer', 'order-desk', 'network-admin', 'operator'];

/**
 * The tasks of each role, in the order the navigation shows them; a user with several roles sees the union.
 * Every signed-in role may read the network's lines; a manufacturer's are its own factory's (the API decides).
 */
const TASKS = [
    { path: '/attention', label: 'nav.attention', roles: ['technology-officer'] },
    { path: '/lines', label: 'nav.myLines', roles: ['manufacturer'] },
    { path: '/licences', label: 'nav.myLicences', roles: ['manufacturer'] },
    { path: '/technologies', label: 'nav.catalogue', roles: ['technology-officer'] },
    { path: '/licences', label: 'nav.licences', roles: ['technology-officer'] },
    { path: '/technical-data', label: 'nav.technicalData', roles: ['manufacturer', 'technology-officer'] },
    { path: '/orders', label: 'nav.orders', roles: ['order-desk'] },
    { path: '/network', label: 'nav.network', roles: ['network-admin'] },
    { path: '/platform', label: 'nav.platform', roles: ['operator'] },
    { path: '/lines', label: 'nav.lines', roles: ['technology-officer', 'order-desk', 'network-admin', 'operator'] },
];

/** Console path (under /console) → page; null when there is no such page. */
function route(path) {
    const rest = path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
    const segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
    if (segments.length === 0) {
        return { page: 'home' };
    }
    if (segments[0] === 'lines' && segments.length === 1) {
        return { page: 'lines' };
    }
    if (segments[0] === 'lines' && segments.length === 2) {
        return { page: 'line', lineId: segments[1] };
    }
    if (segments[0] === 'licences' && segments.length === 1) {
        return { page: 'licences' };
    }
    if (segments[0] === 'licences' && segments[1] === 'new' && segments.length === 2) {
        return { page: 'grant-licence' };
    }
    if (segments[0] === 'licences' && segments.length === 2) {
        return { page: 'licence', licenceId: segments[1] };
    }
    if (segments[0] === 'attention' && segments.length === 1) {
        return { page: 'attention' };
    }
    if (segments[0] === 'technologies' && segments.length === 1) {
        return { page: 'technologies' };
    }
    if (segments[0] === 'technical-data' && segments.length === 1) {
        return { page: 'technical-data' };
    }
    if (segments[0] === 'network' && segments.length === 1) {
        return { page: 'network' };
    }
    if (segments[0] === 'network' && segments[2] === 'new' && segments.length === 3
        && (segments[1] === 'factories' || segments[1] === 'export-centres')) {
        return { page: 'register-factory', kind: segments[1] === 'factories' ? 'MANUFACTURER' : 'EXPORT_CENTRE' };
    }
    if (segments[0] === 'platform' && segments.length === 1) {
        return { page: 'platform' };
    }
    if (segments[0] === 'orders' && segments.length === 1) {
        return { page: 'orders' };
    }
    if (segments[0] === 'orders' && segments[1] === 'new' && segments.length === 2) {
        return { page: 'place-order' };
    }
    if (segments[0] === 'orders' && segments.length === 2) {
        return { page: 'order', orderId: segments[1] };
    }
    return null;
}

/** The console: signs the user in, then shows the navigation of their roles and the page of the address. */
export class BwuConsole extends ConsoleElement {
    static properties = {
        session: { state: true }, failure: { state: true }, path: { state: true }, search: { state: true },
    };

    constructor() {
        super();
        this.path = window.location.pathname;
        this.search = window.location.search;
        this.onPopState = () => this.navigated();
        this.onClick = event => this.followLink(event);
    }

    createRenderRoot() {
        // the shell's loading note, shown until the script runs, gives way to the console
        this.replaceChildren();
        return super.createRenderRoot();
    }

    connectedCallback() {
        super.connectedCallback();
        window.addEventListener('popstate', this.onPopState);
        this.addEventListener('click', this.onClick);
        Session.start().then(session => {
            this.session = session;
            this.api = new Api(session);
        }, failure => {
            this.failure = failure;
        });
    }

    disconnectedCallback() {
        window.removeEventListener('popstate', this.onPopState);
        this.removeEventListener('click', this.onClick);
        super.disconnectedCallback();
    }

    /** Links within the console change the page without reloading it (and without signing in again). */
    followLink(event) {
        const link = event.target.closest('a[href]');
        if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
            || event.shiftKey || event.altKey || link.target) {
            return;
        }
        const url = new URL(link.href);
        if (url.origin !== window.location.origin || !(url.pathname === ROOT || url.pathname.startsWith(`${ROOT}/`))) {
            return;
        }
        event.preventDefault();
        if (url.pathname + url.search !== window.location.pathname + window.location.search) {
            window.history.pushState(null, '', url.pathname + url.search);
        }
        this.navigated();
    }

    async navigated() {
        this.path = window.location.pathname;
        this.search = window.location.search;
        await this.updateComplete;
        // a new page: move the focus to its heading, so that keyboard and screen-reader users start there
        this.querySelector('main h1')?.focus();
    }

    tasks() {
        const seen = new Set();
        return TASKS.filter(task => task.roles.some(role => this.session.hasRole(role)))
            .filter(task => !seen.has(task.path) && seen.add(task.path));
    }

    render() {
        if (this.failure) {
            return html`<main id="main" class="signing-in"><bwu-problem .error=${{
                title: t('error.title'), detail: t('app.signInFailed', { reason: this.failure.message ?? this.failure }),
            }}></bwu-problem></main>`;
        }
        if (!this.session) {
            return html`<main id="main" class="signing-in"><p class="status" role="status">${t('app.signingIn')}</p></main>`;
        }
        const tasks = this.tasks();
        return html`
            <a class="skip" href="#main">${t('app.skip')}</a>
            <header class="top">
                <p class="brand"><a href="${ROOT}">${t('app.title')}</a></p>
                <div class="user">
                    <span class="who" data-user=${this.session.username}>${this.session.username}
                        <span class="roles">(${ROLES.filter(role => this.session.hasRole(role)).map(role => t(`role.${role}`)).join(', ')})</span>
                        ${this.session.factory ? html`<span class="factory">${t('app.factory', { factory: this.session.factory })}</span>` : ''}
                    </span>
                    <label class="language">${t('app.language')}
                        <select @change=${event => setLanguage(event.target.value)}>
                            ${LANGUAGES.map(language => html`
                                <option value=${language} ?selected=${language === currentLanguage()}>${language.toUpperCase()}</option>`)}
                        </select>
                    </label>
                    <button type="button" class="sign-out" @click=${() => this.session.signOut()}>${t('app.signOut')}</button>
                </div>
            </header>
            <nav class="tasks" aria-label=${t('app.navigation')}>
                <ul>
                    ${tasks.map(task => html`
                        <li><a href="${ROOT}${task.path}" aria-current=${this.isCurrent(task) ? 'page' : 'false'}>${t(task.label)}</a></li>`)}
                </ul>
            </nav>
            <main id="main" tabindex="-1">${this.page(tasks)}</main>`;
    }

    isCurrent(task) {
        const current = route(this.path);
        return current !== null && (current.page === 'home' ? this.tasks()[0] === task
            : this.path.slice(ROOT.length).startsWith(task.path));
    }

    page(tasks) {
        const current = route(this.path);
        if (current === null) {
            return html`<h1 tabindex="-1">${t('app.notFound')}</h1>`;
        }
        const own = this.session.hasRole('manufacturer');
        switch (current.page) {
            case 'home':
                // the first task of the user's roles is their first screen
                return tasks.length === 0 ? html`<h1 tabindex="-1">${t('app.noTasks')}</h1>`
                    : this.pageOf(tasks[0].path, own);
            case 'lines':
                return this.pageOf('/lines', own);
            case 'orders':
                return this.pageOf('/orders', own);
            case 'licences':
                return this.pageOf('/licences', own);
            case 'attention':
                return this.pageOf('/attention', own);
            case 'technologies':
                return this.pageOf('/technologies', own);
            case 'grant-licence':
                return this.allowed('technology-officer') ?? html`<bwu-grant-form .api=${this.api}
                    @bwu-licence-granted=${event => this.licenceGranted(event.detail)}></bwu-grant-form>`;
            case 'licence':
                return this.allowed('technology-officer') ?? html`<bwu-licence-page .api=${this.api}
                    licenceId=${current.licenceId}></bwu-licence-page>`;
            case 'technical-data':
                return this.pageOf('/technical-data', own);
            case 'network':
                return this.pageOf('/network', own);
            case 'platform':
                return this.pageOf('/platform', own);
            case 'register-factory':
                return this.allowed('network-admin') ?? html`<bwu-factory-form .api=${this.api} kind=${current.kind}
                    @bwu-factory-registered=${event => this.factoryRegistered(event.detail)}></bwu-factory-form>`;
            case 'place-order':
                return this.allowed('order-desk') ?? html`<bwu-order-form .api=${this.api}
                    @bwu-order-placed=${event => this.orderPlaced(event.detail)}></bwu-order-form>`;
            case 'order':
                return this.allowed('order-desk') ?? html`<bwu-order-page .api=${this.api}
                    orderId=${current.orderId}></bwu-order-page>`;
            default:
                return html`<bwu-line-page .api=${this.api} lineId=${current.lineId} ?canReport=${own}></bwu-line-page>`;
        }
    }

    /** Null when the user has the role, else the refusal that a typed address of a page not theirs gets. */
    allowed(role) {
        return this.session.hasRole(role) ? null
            : html`<h1 tabindex="-1">${t('error.forbidden')}</h1><bwu-problem .error=${{
                status: 403, title: t('error.title'), detail: t('error.notYourTask') }}></bwu-problem>`;
    }

    /** After granting a licence the officer sees it, with its terms and its first audit entry. */
    licenceGranted(licence) {
        window.history.pushState(null, '', `${ROOT}/licences/${encodeURIComponent(licence.id)}`);
        this.navigated();
    }

    /** After placing an order the desk sees it among the orders, with the API's verdict. */
    orderPlaced(order) {
        this.placedOrder = order;
        window.history.pushState(null, '', `${ROOT}/orders`);
        this.navigated();
    }

    /** After registering a factory the administrator sees it in the network, with the API's status. */
    factoryRegistered(factory) {
        this.registeredFactory = factory;
        window.history.pushState(null, '', `${ROOT}/network`);
        this.navigated();
    }

    pageOf(path, own) {
        switch (path) {
            case '/lines':
                return html`<bwu-lines-page .api=${this.api} ?own=${own}></bwu-lines-page>`;
            case '/licences':
                // an officer works with the network's licences; a manufacturer reads its factory's
                if (this.session.hasRole('technology-officer')) {
                    return html`<bwu-officer-licences-page .api=${this.api} .query=${this.search}
                        @bwu-query-changed=${event => { this.search = event.detail; }}></bwu-officer-licences-page>`;
                }
                return this.allowed('manufacturer') ?? html`<bwu-licences-page .api=${this.api}></bwu-licences-page>`;
            case '/attention':
                return this.allowed('technology-officer') ?? html`<bwu-attention-page .api=${this.api}></bwu-attention-page>`;
            case '/technologies':
                return this.allowed('technology-officer') ?? html`<bwu-technologies-page .api=${this.api}></bwu-technologies-page>`;
            case '/technical-data':
                // an officer manages the revisions; a manufacturer reads its factory's licensed ones
                if (this.session.hasRole('technology-officer')) {
                    return html`<bwu-releases-page .api=${this.api}></bwu-releases-page>`;
                }
                return this.allowed('manufacturer')
                    ?? html`<bwu-technical-data-page .api=${this.api}></bwu-technical-data-page>`;
            case '/orders':
                return this.allowed('order-desk') ?? html`<bwu-orders-page .api=${this.api}
                    .placed=${this.placedOrder}></bwu-orders-page>`;
            case '/network':
                return this.allowed('network-admin') ?? html`<bwu-network-page .api=${this.api}
                    .registered=${this.registeredFactory}></bwu-network-page>`;
            case '/platform':
                return this.allowed('operator') ?? html`<bwu-platform-page .api=${this.api}></bwu-platform-page>`;
            default:
                return html`<h1 tabindex="-1">${t('app.notFound')}</h1>`;
        }
    }
}
customElements.define('bwu-console', BwuConsole);
