package org.buildwithukraine.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.assertj.core.api.Assertions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * A person at the console: the machine's Chromium, headless, at 1280 × 800 unless told otherwise, driven by
 * Playwright. Signing in and out goes through the platform's real Keycloak login page. What the browser reports
 * as an error (a script error, a request the Content-Security-Policy refused) is kept, so that a test can require
 * there was none.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** Keycloak's login page, rendered on a machine busy with the whole platform, may take more than 5 s. */
    private static final LocatorAssertions.IsVisibleOptions LOGIN_PAGE = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(30_000);
    private static final String REFUSED_REQUEST = "Failed to load resource: the server responded with a status of 4";

    static {
        // what a page shows comes from the platform (an upload hashed and stored, a routing pass), which on a busy
        // 2-core machine can take longer than Playwright's default 5 s; a wrong page still fails, only later
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
    }

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    private final String consoleUrl;
    private final String keycloakUrl;
    final Page page;
    final List<String> errors = new CopyOnWriteArrayList<>();

    ConsoleBrowser(Platform platform) {
        this(platform, 1280, 800);
    }

    /** At a viewport of its own, e.g. 800 × 1280 for a tablet held upright. */
    ConsoleBrowser(Platform platform, int width, int height) {
        consoleUrl = platform.gatewayUrl() + "/console";
        keycloakUrl = platform.keycloakUrl();
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("e2e.chromium", "/usr/bin/chromium")))
                .setHeadless(true));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("en-GB").setTimezoneId("Europe/Berlin"));
        page = context.newPage();
        String keycloakFavicon = "'" + keycloakUrl + "/resources/";
        page.onConsoleMessage(message -> {
            String text = message.text();
            // Chromium logs each refused API call (the 400 of a form, the 403 of a typed URL): the page shows those.
            // Its own fetch of the Keycloak login page's icon, while the tab moves from the console to that page,
            // is at times judged by the console's policy: the browser's doing, not the console's.
            boolean keycloakIcon = text.contains(keycloakFavicon) && text.contains("favicon.ico");
            if ("error".equals(message.type()) && !text.startsWith(REFUSED_REQUEST) && !keycloakIcon) {
                errors.add(text);
            }
        });
        page.onPageError(error -> errors.add(error));
    }

    /** Opens a console path (e.g. "/lines/DE-MUC-01") as a typed address would. */
    void open(String path) {
        page.navigate(consoleUrl + path);
    }

    /** Opens the console and signs in on Keycloak's login page. */
    void signIn(String username, String password) {
        open("");
        assertThat(page.locator("#kc-login")).isVisible(LOGIN_PAGE);
        page.locator("#username").fill(username);
        // with Organizations the realm asks for the user name first, then (on a page of its own) the password
        if (page.locator("#password").count() == 0) {
            page.locator("#kc-login").click();
        }
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        assertThat(page.locator("[data-user]")).hasAttribute("data-user", username);
    }

    /**
     * Signs out with the header's button: the browser lands on Keycloak's login page, and the console, opened
     * again, asks to sign in again instead of showing anything.
     */
    void signOut() {
        page.locator("button.sign-out").click();
        assertOnLoginPage();
        open("");
        assertOnLoginPage();
        assertThat(page.locator("[data-user]")).hasCount(0);
    }

    private void assertOnLoginPage() {
        assertThat(page.locator("#kc-login")).isVisible(LOGIN_PAGE);
        Assertions.assertThat(page.url()).as("the login page's address").startsWith(keycloakUrl + "/realms/bwu/");
    }

    /**
     * Presses Tab until {@code target} has the focus, as a keyboard-only user would; fails when it is not reached
     * within {@code maxPresses}.
     */
    void tabTo(Locator target, int maxPresses) {
        for (int presses = 0; presses < maxPresses; presses++) {
            page.keyboard().press("Tab");
            if ((Boolean) target.evaluate("element => element === document.activeElement")) {
                return;
            }
        }
        throw new AssertionError("Not reached by " + maxPresses + " presses of Tab: " + target + "; the focus is on "
                + page.evaluate("() => document.activeElement?.outerHTML.slice(0, 200)"));
    }

    /** A screenshot of the whole page, under target/screenshots. */
    Path screenshot(String name) {
        Path file = Path.of(System.getProperty("e2e.screenshots", "target/screenshots")).resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
