// Sign-in with Keycloak's login page: authorization code with PKCE (S256) through keycloak-js, the token
// refreshed silently before it expires, and sign-out. What the console may show follows the token's roles.
import Keycloak from 'keycloak-js';

/** Refresh when the token has less than this many seconds left. */
const MIN_VALIDITY_SECONDS = 30;
const REFRESH_CHECK_MILLIS = 15_000;

export class Session {
    constructor(keycloak) {
        this.keycloak = keycloak;
    }

    /** Signs in (sending the browser to Keycloak's login page when there is no session yet). */
    static async start() {
        const response = await fetch('/console/config.json', { headers: { Accept: 'application/json' } });
        if (!response.ok) {
            throw new Error(`console settings: HTTP ${response.status}`);
        }
        const settings = await response.json();
        const keycloak = new Keycloak({ url: settings.keycloakUrl, realm: settings.realm, clientId: settings.clientId });
        await keycloak.init({
            onLoad: 'login-required',
            pkceMethod: 'S256',
            responseMode: 'fragment',
            // the session iframe needs third-party cookies, which browsers block more and more: the refresh
            // below notices an ended session instead
            checkLoginIframe: false,
        });
        const session = new Session(keycloak);
        session.keepFresh();
        return session;
    }

    keepFresh() {
        this.keycloak.onTokenExpired = () => this.refresh();
        setInterval(() => this.refresh(), REFRESH_CHECK_MILLIS);
    }

    async refresh() {
        try {
            await this.keycloak.updateToken(MIN_VALIDITY_SECONDS);
        } catch {
            // the Keycloak session ended (signed out elsewhere, idle too long): sign in again
            await this.keycloak.login();
        }
    }

    /** A token valid for at least MIN_VALIDITY_SECONDS more. */
    async token() {
        await this.refresh();
        return this.keycloak.token;
    }

    get username() {
        return this.keycloak.tokenParsed?.preferred_username ?? '';
    }

    /** Realm roles of the token (realm_access.roles). */
    get roles() {
        return this.keycloak.tokenParsed?.realm_access?.roles ?? [];
    }

    hasRole(role) {
        return this.roles.includes(role);
    }

    /** The user's factory: the token's organization claim (a list of aliases, or an object keyed by alias). */
    get factory() {
        const organization = this.keycloak.tokenParsed?.organization;
        if (Array.isArray(organization)) {
            return organization[0] ?? null;
        }
        return organization && typeof organization === 'object' ? Object.keys(organization)[0] ?? null : null;
    }

    signOut() {
        return this.keycloak.logout({ redirectUri: `${window.location.origin}/console` });
    }
}
