package org.buildwithukraine.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.buildwithukraine.e2e.Api.asUser;

import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.restassured.path.json.JsonPath;

/** The technology officer's licences in a real browser against the real platform, with the demo data loaded. */
@Order(6)
@DisplayName("console: the technology officer's licences")
class OfficerConsoleIT extends ConsoleSuite {

    private static final String FACTORY = "de-munich";

    @Test
    @DisplayName("the officer sees what needs attention, suspends a licence naming its effect, sees the audit entry, "
            + "reinstates it, adds a technology (a wrong code first) and signs out")
    void officerSuspendsAndReinstatesALicence() throws Exception {
        String licenceId = asUser("officer").queryParam("factoryId", FACTORY).queryParam("technologyCode", MissionIT.FPV)
                .get("/api/licences").then().statusCode(200).extract().path("items[0].id");
        assertThat(licence(licenceId).getString("status")).as("the demo data's licence").isEqualTo("GRANTED");
        // open work under the licence, so that suspending it has an effect to name
        MissionIT.report("maker-de", "DE-MUC-01", "RUNNING", null, 0);
        MissionIT.report("maker-de", "DE-MUC-02", "RUNNING", null, 0);
        Platform.get().awaitEventsApplied(MissionIT.SETTLE);
        String orderId = MissionIT.routed(MissionIT.placeOrder(Map.of("customerClass", "PARTNER_DEFENCE",
                "customer", "Officer console test", "technologyCode", MissionIT.FPV, "quantity", 5,
                "neededBy", MissionIT.today().plusDays(60).toString())));
        try {
            // a platform just started renders its first login page slowly: wait for it once, longer than usual
            browser.open("");
            assertThat(browser.page.locator("#kc-login")).isVisible(new LocatorAssertions.IsVisibleOptions()
                    .setTimeout(MissionIT.SETTLE.toMillis()));
            browser.signIn("officer", "officer");
            var page = browser.page;

            // the first screen: what needs the officer now, counted as the API counts it
            assertThat(page.locator("main h1")).hasText("Licences needing attention");
            assertThat(page.locator("nav.tasks a")).hasText(new String[] { "Licences needing attention",
                    "Technology catalogue", "Licences", "Technical data", "Production lines" });
            long requested = asUser("officer").queryParam("status", "REQUESTED").get("/api/licences").then()
                    .statusCode(200).extract().jsonPath().getLong("total");
            long unlicensed = asUser("officer").get("/api/licences/unlicensed-output").then().statusCode(200)
                    .extract().jsonPath().getLong("total");
            assertThat(page.locator(".counts li[data-count='requested'] .count")).hasText(String.valueOf(requested));
            assertThat(page.locator(".counts li[data-count='unlicensed'] .count")).hasText(String.valueOf(unlicensed));
            for (String section : new String[] { "requested", "near-exhaustion", "expiring", "unlicensed" }) {
                Locator shown = page.locator("section[data-section='" + section + "']");
                assertThat(shown.locator("table, .empty")).hasCount(1);
                assertThat(shown.locator("bwu-problem")).hasCount(0);
            }
            assertThat(Files.size(browser.screenshot("officer-attention"))).isPositive();

            // the licences, filtered by factory, technology and status through the API's query parameters
            page.locator("nav.tasks a[href='/console/licences']").click();
            assertThat(page.locator("main h1")).hasText("Licences");
            page.locator("#filter-factoryId").selectOption(FACTORY);
            page.locator("#filter-technologyCode").selectOption(MissionIT.FPV);
            page.locator("#filter-status").selectOption("GRANTED");
            page.locator("form.filters button[type=submit]").click();
            Locator rows = page.locator("table.officer-licences tbody tr");
            assertThat(rows).hasCount(1);
            assertThat(rows.first()).hasAttribute("data-licence", licenceId);
            assertThat(page).hasURL(Pattern.compile("factoryId=" + FACTORY));

            rows.first().locator("a").click();
            String shortId = licenceId.split("-")[0];
            assertThat(page.locator("main h1")).hasText("Licence " + shortId);
            assertThat(page.locator("main h1")).isFocused();
            assertThat(page.locator(".licence-terms bwu-state-badge .badge")).hasText("Granted");

            // suspending: the dialog names the effect, as the order-routing service counts the open work
            long openOrders = asUser("officer").get("/api/orders/work-under-licence/{id}", licenceId).then()
                    .statusCode(200).extract().jsonPath().getLong("openOrders");
            assertThat(openOrders).as("open orders under the licence, the test's own among them").isPositive();
            page.locator("button[data-action='suspend']").click();
            Locator dialog = page.locator("dialog.licence-dialog");
            assertThat(dialog).isVisible();
            assertThat(page.locator("#decide-reason")).isFocused();
            Locator effect = dialog.locator(".effect p[data-open-orders]");
            assertThat(effect).hasAttribute("data-open-orders", String.valueOf(openOrders));
            assertThat(effect).containsText(openOrders + (openOrders == 1 ? " open order will" : " open orders will")
                    + " be re-routed");

            // without a reason the API refuses it, and its message stands beside the field
            dialog.locator("button.confirm").click();
            assertThat(dialog.locator("[data-field='reason'] .field-error")).containsText("is required to suspend");
            assertThat(page.locator("#decide-reason")).isFocused();

            String reason = "Officer console test: quality audit " + UUID.randomUUID().toString().substring(0, 8);
            page.locator("#decide-reason").fill(reason);
            dialog.locator("button.confirm").click();
            assertThat(dialog).not().isVisible();
            assertThat(page.locator(".saved")).containsText("Licence suspended");
            assertThat(page.locator(".licence-terms bwu-state-badge .badge")).hasText("Suspended");
            assertThat(licence(licenceId).getString("status")).isEqualTo("SUSPENDED");
            Locator newest = page.locator("ol.timeline li").first();
            assertThat(newest).hasAttribute("data-action", "SUSPEND");
            assertThat(newest.locator(".timeline-reason")).hasText(reason);
            assertThat(newest.locator(".timeline-actor")).containsText("officer");
            assertThat(Files.size(browser.screenshot("officer-licence"))).isPositive();

            // Escape closes a dialog and the focus goes back to the button that opened it
            Locator reinstate = page.locator("button[data-action='reinstate']");
            reinstate.click();
            assertThat(dialog).isVisible();
            page.keyboard().press("Escape");
            assertThat(dialog).not().isVisible();
            assertThat(reinstate).isFocused();

            // reinstated, as the demo data and later tests need it
            reinstate.click();
            page.locator("#decide-reason").fill("Officer console test: audit passed");
            dialog.locator("button.confirm").click();
            assertThat(page.locator(".licence-terms bwu-state-badge .badge")).hasText("Granted");
            assertThat(page.locator("ol.timeline li").first()).hasAttribute("data-action", "REINSTATE");
            assertThat(licence(licenceId).getString("status")).isEqualTo("GRANTED");

            // the catalogue: a wrong code first, the API's message beside the field
            page.locator("nav.tasks a[href='/console/technologies']").click();
            assertThat(page.locator("main h1")).hasText("Technology catalogue");
            assertThat(page.locator("table.technologies tr[data-technology='" + MissionIT.FPV + "']")).isVisible();
            String code = "UA-CT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
            page.locator("#technology-code").fill("console test");
            page.locator("#technology-name").fill("Console test interceptor");
            page.locator("#technology-category").selectOption("INTERCEPTOR_UAV");
            page.locator("#technology-controlListEntry").fill("ML10.a");
            page.locator("#technology-owner").fill("Ukraine");
            page.locator("form.add-technology button[type=submit]").click();
            assertThat(page.locator("[data-field='code'] .field-error")).containsText("must be a code like UA-FPV-7");
            assertThat(page.locator("#technology-code")).isFocused();
            page.locator("#technology-code").fill(code);
            page.locator("form.add-technology button[type=submit]").click();
            assertThat(page.locator(".saved")).containsText(code);
            assertThat(page.locator("[data-field='code'] .field-error")).hasCount(0);
            assertThat(page.locator("table.technologies tr[data-technology='" + code + "']"))
                    .containsText("Console test interceptor");
            asUser("officer").get("/api/technologies/{code}", code).then().statusCode(200);

            // on a tablet the attention screen's navigation runs along the top and its counts stay in view
            page.setViewportSize(820, 1180);
            page.locator("nav.tasks a[href='/console/attention']").click();
            assertThat(page.locator("nav.tasks a[aria-current=page]")).isInViewport();
            assertThat(page.locator(".counts")).isInViewport();
            page.setViewportSize(1280, 800);

            page.locator("button.sign-out").click();
            assertThat(page.locator("#kc-login")).isVisible();
            assertThat(browser.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
        } finally {
            if (!"GRANTED".equals(licence(licenceId).getString("status"))) {
                asUser("officer").body(Map.of("reason", "Officer console test: left as it was"))
                        .post("/api/licences/{id}/reinstate", licenceId);
            }
            asUser("desk").body(Map.of("reason", "Officer console test done"))
                    .post("/api/orders/{id}/cancel", orderId).then().statusCode(200);
        }
    }

    private static JsonPath licence(String id) {
        return asUser("officer").get("/api/licences/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
