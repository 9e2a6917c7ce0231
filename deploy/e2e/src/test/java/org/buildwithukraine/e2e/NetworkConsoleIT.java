package org.buildwithukraine.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The console of the network administrator, the operator and the order desk's cancel, in a real browser against
 * the real platform with the demo data loaded. The factory registered here has an id of its own and stays ACTIVE
 * without lines or licences, so later tests and the demo data do not see it.
 */
@Order(7)
@DisplayName("console: network administrator, operator, cancelling an order")
class NetworkConsoleIT extends ConsoleSuite {

    @Test
    @DisplayName("netadmin registers a factory (a wrong id first), activates, suspends and reinstates it, reads lines by region")
    void networkAdministratorManagesTheNetwork() throws Exception {
        String id = "pl-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn("netadmin", "netadmin");
        var page = browser.page;

        assertThat(page.locator("main h1")).hasText("Network");
        assertThat(page.locator("nav.tasks a")).hasText(new String[] { "Network", "Production lines" });
        assertThat(page.locator("section.members[data-kind='MANUFACTURER'] tr[data-factory='de-munich'] .badge"))
                .hasText("Active");
        assertThat(page.locator("section.members[data-kind='EXPORT_CENTRE'] tr[data-factory='pl-rzeszow']"))
                .isVisible();

        // a wrong id: the API's message beside the field, the focus on it
        page.locator("a.action", new Page.LocatorOptions().setHasText("Register a partner factory")).click();
        assertThat(page.locator("main h1")).hasText("Register a partner factory");
        page.locator("#factory-id").fill("PL_E2E");
        page.locator("#factory-name").fill("E2E test works " + id);
        page.locator("#factory-country").fill("PL");
        page.locator("label.check", new Page.LocatorOptions().setHasText("FPV drone")).locator("input").check();
        page.locator("button[type=submit]").click();
        assertThat(page.locator("[data-field='id'] .field-error")).containsText("must be a slug");
        assertThat(page.locator("#factory-id")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#factory-id")).isFocused();
        assertThat(page.locator("[data-field='name'] .field-error")).hasCount(0);

        page.locator("#factory-id").fill(id);
        page.locator("button[type=submit]").click();
        assertThat(page.locator("main h1")).hasText("Network");
        assertThat(page.locator(".saved")).hasText(id + " registered: Onboarding.");
        Locator row = page.locator("tr[data-factory='" + id + "']");
        assertThat(row.locator(".badge")).hasText("Onboarding");

        // activate: a confirmation in a modal dialog
        row.locator("button.activate").click();
        Locator dialog = page.locator("dialog.confirm-dialog");
        assertThat(dialog).isVisible();
        assertThat(dialog.locator(".effect")).containsText("joins the network");
        dialog.locator("button.confirm-action").click();
        assertThat(dialog).isHidden();
        assertThat(row.locator(".badge")).hasText("Active");

        // suspend: the reason is required (the API says so beside the field), then given
        row.locator("button.suspend").click();
        assertThat(dialog).isVisible();
        assertThat(dialog.locator(".effect")).containsText("suspends its licences");
        assertThat(dialog.locator("textarea")).isFocused();
        dialog.locator("button.confirm-action").click();
        assertThat(dialog.locator("[data-field='reason'] .field-error")).containsText("is required when suspending");
        assertThat(row.locator(".badge")).hasText("Active");
        dialog.locator("textarea").fill("E2E: quality audit pending");
        dialog.locator("button.confirm-action").click();
        assertThat(dialog).isHidden();
        assertThat(row.locator(".badge")).hasText("Suspended");
        assertThat(row.locator(".reason")).hasText("E2E: quality audit pending");
        assertThat(page.locator(".saved")).hasText(id + " is now Suspended.");

        // Escape closes the confirmation without a change, and the focus is back on the button that opened it
        row.locator("button.reinstate").click();
        assertThat(dialog).isVisible();
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(row.locator("button.reinstate")).isFocused();
        assertThat(row.locator(".badge")).hasText("Suspended");

        row.locator("button.reinstate").click();
        dialog.locator("textarea").fill("E2E: audit passed");
        dialog.locator("button.confirm-action").click();
        assertThat(dialog).isHidden();
        assertThat(row.locator(".badge")).hasText("Active");
        Api.asUser("netadmin").get("/api/factories/{id}", id).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        // lines by region and state
        assertThat(page.locator("h3.region[data-region='de']")).isVisible();
        assertThat(page.locator("table.lines[data-region='de'] tr[data-line='DE-MUC-01']")).isVisible();
        assertThat(page.locator("table.lines[data-region='uk'] tr[data-line='UK-BRS-01']")).isVisible();
        assertThat(Files.size(browser.screenshot("network-admin-network"))).isPositive();

        page.locator("#lines-region").selectOption("uk");
        assertThat(page.locator("table.lines[data-region='de']")).hasCount(0);
        assertThat(page.locator("table.lines[data-region='uk'] tr[data-line='UK-BRS-01']")).isVisible();
        page.locator("#lines-region").selectOption("");
        int running = Api.asUser("netadmin").queryParam("state", "RUNNING").queryParam("size", 100)
                .get("/api/lines").then().statusCode(200).extract().jsonPath().getInt("total");
        page.locator("#lines-state").selectOption("RUNNING");
        assertThat(page.locator("table.lines tbody tr")).hasCount(running);
        if (running > 0) {
            assertThat(page.locator("table.lines tbody tr .badge").first()).hasText("Running");
        }

        // on a tablet the page still fits
        page.setViewportSize(820, 1180);
        assertThat(page.locator("nav.tasks a[aria-current=page]")).isInViewport();
        page.setViewportSize(1280, 800);

        page.locator("button.sign-out").click();
        assertThat(page.locator("#kc-login")).isVisible();
        assertThat(browser.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
    }

    @Test
    @DisplayName("ops sees every service and region ready, the outbox backlog and the last report per region")
    void operatorSeesThePlatform() throws Exception {
        browser.signIn("ops", "ops");
        var page = browser.page;

        assertThat(page.locator("main h1")).hasText("Platform");
        assertThat(page.locator("nav.tasks a")).hasText(new String[] { "Platform", "Production lines" });
        Locator services = page.locator("table.platform tbody tr");
        assertThat(services).hasCount(5);
        assertThat(page.locator("table.platform tbody tr[data-status='UP']")).hasCount(5);
        for (String service : new String[] { "factory", "licence", "routing", "de", "uk" }) {
            Locator row = page.locator("tr[data-service='" + service + "']");
            assertThat(row.locator(".badge")).hasText("Ready");
            // each has an outbox: its backlog is a number of events
            assertThat(row.locator("td.number").first()).hasText(Pattern.compile("^\\d[\\d,]*$"));
        }
        assertThat(page.locator("h2#platform-services .badge")).hasText("Ready");
        assertThat(page.locator("table.report-ages tr[data-region='de'] th")).hasText("DE");
        assertThat(page.locator("table.report-ages tr[data-region='uk'] th")).hasText("UK");
        assertThat(page.locator("ul.runbooks li")).hasCount(6);
        assertThat(Files.size(browser.screenshot("operator-platform"))).isPositive();

        page.locator("button.sign-out").click();
        assertThat(page.locator("#kc-login")).isVisible();
        assertThat(browser.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
    }

    @Test
    @DisplayName("the desk places an order, cancels it after the confirmation and sees it CANCELLED with no plan")
    void orderDeskCancelsAnOrder() throws Exception {
        MissionIT.report("maker-de", "DE-MUC-01", "RUNNING", null, 0);
        Platform.get().awaitEventsApplied(MissionIT.SETTLE);
        browser.signIn("desk", "desk");
        var page = browser.page;

        page.locator("a.action").click();
        assertThat(page.locator("main h1")).hasText("Place an order");
        page.locator("#order-customerClass").selectOption("PARTNER_DEFENCE");
        page.locator("#order-customer").fill("Network console test: to be cancelled");
        page.locator("#order-technologyCode").selectOption(MissionIT.FPV);
        page.locator("#order-quantity").fill("4");
        page.locator("#order-neededBy").fill(MissionIT.today().plusDays(90).toString());
        page.locator("button[type=submit]").click();
        assertThat(page.locator("main h1")).hasText("Orders");
        String orderId = page.locator("table.orders tbody tr").first().getAttribute("data-order");
        page.locator("tr[data-order='" + orderId + "'] a").click();
        assertThat(page.locator("main h1")).hasText("Order " + orderId);
        int active = MissionIT.active(MissionIT.order(orderId)).size();

        page.locator("button.cancel-order").click();
        Locator dialog = page.locator("dialog.confirm-dialog");
        assertThat(dialog).isVisible();
        assertThat(dialog.locator("h2")).hasText("Cancel order " + orderId + "?");
        assertThat(dialog.locator(".effect")).containsText(active > 0 ? "are released" : "leaves the queue");
        dialog.locator("textarea").fill("E2E: customer withdrew");
        dialog.locator("button.confirm-action").click();
        assertThat(dialog).isHidden();

        assertThat(page.locator(".saved")).hasText("Order " + orderId + " cancelled: its allocations are released.");
        assertThat(page.locator(".facts .badge")).hasText("Cancelled");
        assertThat(page.locator("table.allocations tr[data-status='ACTIVE']")).hasCount(0);
        assertThat(page.locator("button.cancel-order")).hasCount(0);
        // the decision that placed it is among the earlier ones now
        assertThat(page.locator("details.earlier-decision").first()).isVisible();
        assertThat(MissionIT.order(orderId).getString("state")).isEqualTo("CANCELLED");
        assertThat(MissionIT.active(MissionIT.order(orderId))).isEmpty();

        page.locator("button.sign-out").click();
        assertThat(page.locator("#kc-login")).isVisible();
        assertThat(browser.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
    }
}
