package org.buildwithukraine.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A person at the console: the machine's Chromium, headless, at 1280 × 800, driven by Playwright. Signing in
 * goes through the platform's real Keycloak login page. What the browser reports as an error (a script error,
 * a request the Content-Security-Policy refused) is kept, so that a test can require there was none.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final String REFUSED_REQUEST = "Failed to load resource: the server responded with a status of 4";

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    private final String consoleUrl;
    final Page page;
    final List<String> errors = new CopyOnWriteArrayList<>();

    ConsoleBrowser(Platform platform) {
        consoleUrl = platform.gatewayUrl() + "/console";
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getProperty("e2e.chromium", "/usr/bin/chromium")))
                .setHeadless(true));
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setLocale("en-GB").setTimezoneId("Europe/Berlin"));
        page = context.newPage();
        page.onConsoleMessage(message -> {
            // Chromium logs each refused API call (the 400 of a form, the 403 of a typed URL): the page shows those
            if ("error".equals(message.type()) && !message.text().startsWith(REFUSED_REQUEST)) {
                errors.add(message.text());
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
        assertThat(page.locator("#kc-login")).isVisible();
        page.locator("#username").fill(username);
        // with Organizations the realm asks for the user name first, then (on a page of its own) the password
        if (page.locator("#password").count() == 0) {
            page.locator("#kc-login").click();
        }
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        assertThat(page.locator("[data-user]")).hasAttribute("data-user", username);
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
