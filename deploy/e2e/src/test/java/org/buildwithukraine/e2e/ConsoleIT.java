package org.buildwithukraine.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.restassured.path.json.JsonPath;

/** The console in a real browser against the real platform, with the demo data loaded. */
@Order(5)
@DisplayName("console: people at the browser console")
class ConsoleIT extends ConsoleSuite {

    private static final String LINE = "DE-MUC-02";
    private static final String OTHER_FACTORYS_LINE = "UK-BRS-01";

    @Test
    @DisplayName("a manufacturer signs in, sees its own lines only, reports one DOWN through the form and signs out")
    void manufacturerReportsALineDown() throws Exception {
        // a known state to change from: the line runs
        MissionIT.report("maker-de", LINE, "RUNNING", null, 0);

        browser.signIn("maker-de", "maker-de");
        var page = browser.page;

        assertThat(page.locator("main h1")).hasText("My lines");
        Locator rows = page.locator("table.lines tbody tr");
        assertThat(rows).hasCount(2);
        assertThat(page.locator("tr[data-line='DE-MUC-01']")).isVisible();
        assertThat(page.locator("tr[data-line='" + LINE + "'] .badge")).hasText("Running");
        assertThat(page.locator("tr[data-line='" + OTHER_FACTORYS_LINE + "']")).hasCount(0);
        assertThat(page.locator("body")).not().containsText("uk-bristol");
        assertThat(page.locator("nav.tasks a")).hasText(new String[] { "My lines", "My licences", "Technical data" });
        assertThat(page.locator(".factory")).hasText("Factory de-munich");
        assertThat(Files.size(browser.screenshot("manufacturer-lines"))).isPositive();

        page.locator("tr[data-line='" + LINE + "'] a").click();
        assertThat(page.locator("main h1")).hasText("Line " + LINE);
        assertThat(page.locator("main h1")).isFocused();

        // DOWN without a reason: the API refuses it, and its message stands beside the field
        page.locator("#report-state").selectOption("DOWN");
        page.locator("#report-goodUnits").fill("12");
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Send status report")).click();
        Locator reasonError = page.locator("[data-field='reason'] .field-error");
        assertThat(reasonError).containsText("is required when the state is DOWN");
        assertThat(page.locator("#report-reason")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#report-reason")).isFocused();
        assertThat(page.locator(".facts .badge")).hasText("Running");

        page.locator("#report-reason").selectOption("BREAKDOWN");
        page.locator("button[type=submit]").click();
        assertThat(page.locator(".saved")).containsText("the line is now Down");
        assertThat(page.locator("[data-field='reason'] .field-error")).hasCount(0);
        assertThat(page.locator(".facts .badge")).hasText("Down");
        assertThat(page.locator(".facts .reason")).hasText("Breakdown");
        assertThat(page.locator("table.reports tbody tr").first()).containsText("12");

        // its OEE over 30 days and its downtime by reason: charts drawn by echarts, each with a table beside it
        assertThat(page.locator("bwu-chart.oee-chart canvas").first()).isVisible();
        assertThat(page.locator("table.oee tbody tr")).hasCount(30);
        assertThat(page.locator("bwu-chart.pareto-chart canvas").first()).isVisible();
        assertThat(page.locator("table.downtime tr[data-reason='BREAKDOWN'] th")).hasText("Breakdown");
        // the work allocated to the line, as the production-line service counts it
        int allocated = Api.asUser("maker-de").get("/api/lines/" + LINE + "/allocations")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
        Locator allocations = page.locator("section.line-allocations");
        assertThat(allocations.locator("bwu-problem")).hasCount(0);
        if (allocated > 0) {
            assertThat(allocations.locator("tbody tr")).hasCount(allocated);
        } else {
            assertThat(allocations.locator(".empty")).hasText("No work is allocated to this line.");
        }
        assertThat(Files.size(browser.screenshot("manufacturer-line"))).isPositive();

        page.locator("a", new Page.LocatorOptions().setHasText("All lines")).click();
        assertThat(page.locator("tr[data-line='" + LINE + "'] .badge")).hasText("Down");
        MissionIT.report("maker-de", LINE, "RUNNING", null, 0);

        // its licences, as the licence service counts them
        page.locator("nav.tasks a", new Page.LocatorOptions().setHasText("My licences")).click();
        assertThat(page.locator("main h1")).hasText("My licences");
        Locator licence = page.locator("table.licences tr[data-technology='" + MissionIT.FPV + "']");
        assertThat(licence).hasCount(1);
        // its state badge (a licence may carry a run-out warning badge beside it)
        assertThat(licence.locator("bwu-state-badge .badge")).hasText("Granted");
        String remaining = Api.asUser("maker-de").queryParam("technologyCode", MissionIT.FPV).get("/api/licences")
                .jsonPath().getString("items[0].remainingQuota");
        assertThat(licence.locator(".remaining")).hasText(
                NumberFormat.getIntegerInstance(Locale.UK).format(Long.parseLong(remaining)));
        assertThat(page.locator("table.licences")).not().containsText("uk-bristol");
        // when it runs out at the last 7 days' output: a date (it just reported good units) or, if nothing
        // counted, the words for that
        assertThat(licence.locator(".run-out"))
                .hasText(Pattern.compile("\\d{2}/\\d{2}/\\d{4}|Not at the current rate"));
        page.locator("nav.tasks a", new Page.LocatorOptions().setHasText("My lines")).click();

        // on a tablet held upright the navigation runs along the top and the table still fits
        page.setViewportSize(820, 1180);
        assertThat(page.locator("nav.tasks a[aria-current=page]")).isInViewport();
        assertThat(page.locator("tr[data-line='" + LINE + "'] .badge")).isInViewport();
        browser.screenshot("manufacturer-lines-tablet");
        page.setViewportSize(1280, 800);

        // the words switch to Ukrainian (the console design notes' vocabulary), dates and times as uk-UA writes
        // them and times with their zone; they stay so on the next visit, and switch back
        page.locator("header select").selectOption("uk");
        assertThat(page.locator("main h1")).hasText("Мої лінії");
        assertThat(page.locator("tr[data-line='" + LINE + "'] .badge")).hasText("Працює");
        assertThat(page.locator("button.sign-out")).hasText("Вийти");
        page.reload();
        assertThat(page.locator("main h1")).hasText("Мої лінії");
        page.locator("tr[data-line='" + LINE + "'] a").click();
        assertThat(page.locator(".facts .badge")).hasText("Працює");
        Locator firstDay = page.locator("table.oee tbody tr").first();
        LocalDate day = LocalDate.parse(firstDay.getAttribute("data-date"));
        assertThat(firstDay.locator("th")).hasText(day.format(DateTimeFormatter.ofPattern("dd.MM.uuuu")));
        Locator observedAt = page.locator("table.reports tbody tr").first().locator("td").first();
        assertThat(observedAt).hasText(Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2} GMT\\+[12]"));
        page.locator("header select").selectOption("en");
        assertThat(page.locator(".facts .badge")).hasText("Running");
        assertThat(page.locator("button.sign-out")).hasText("Sign out");
        assertThat(firstDay.locator("th")).hasText(day.format(DateTimeFormatter.ofPattern("dd/MM/uuuu")));
        assertThat(observedAt).hasText(Pattern.compile("\\d{2}/\\d{2}/\\d{4}, \\d{2}:\\d{2} CES?T"));

        browser.signOut();
        assertThat(browser.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
    }

    @Test
    @DisplayName("on a tablet held upright, by keyboard alone, a manufacturer reaches its line and sends a report")
    void aTabletAndAKeyboardAreEnough() {
        MissionIT.report("maker-de", LINE, "RUNNING", null, 0);
        try (ConsoleBrowser tablet = new ConsoleBrowser(Platform.get(), 800, 1280)) {
            tablet.signIn("maker-de", "maker-de");
            var page = tablet.page;
            assertThat(page.locator("main h1")).hasText("My lines");

            // Tab reaches the navigation (after the skip link and the header's controls); Enter follows a link
            Locator myLines = page.locator("nav.tasks a", new Page.LocatorOptions().setHasText("My lines"));
            Locator lineLink = page.locator("tr[data-line='" + LINE + "'] a");
            // the lines first: while they load, Tab would run past the end of the page
            assertThat(lineLink).isVisible();
            tablet.tabTo(myLines, 10);
            page.keyboard().press("Enter");
            assertThat(page.locator("main h1")).isFocused();
            tablet.tabTo(lineLink, 8);
            page.keyboard().press("Enter");
            assertThat(page.locator("main h1")).hasText("Line " + LINE);
            assertThat(page.locator("main h1")).isFocused();
            assertThat(page.locator("bwu-chart.oee-chart canvas").first()).isVisible();
            assertThat(page.locator("table.reports")).isVisible();

            // the page fits the tablet's width: nothing to scroll sideways
            assertThat((Boolean) page.evaluate(
                    "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
            // every control of the form is found by its label, and every control on the page has a name
            for (String label : new String[] { "State", "Observed at", "Good units since the last report",
                    "Scrap units since the last report" }) {
                assertThat(page.getByLabel(label, new Page.GetByLabelOptions().setExact(true))).hasCount(1);
            }
            page.locator("#report-state").selectOption("DOWN");
            assertThat(page.getByLabel("Downtime reason", new Page.GetByLabelOptions().setExact(true)))
                    .isVisible();
            page.locator("#report-state").selectOption("RUNNING");
            Locator controls = page.locator("input, select, textarea, button");
            for (int i = 0; i < controls.count(); i++) {
                assertThat(controls.nth(i)).hasAccessibleName(Pattern.compile("\\S"));
            }
            tablet.screenshot("manufacturer-line-tablet");

            // by keyboard: from the heading on, Tab through the form, type the units, Enter on the button
            page.locator("main h1").focus();
            // (a date-and-time field is a Tab stop per part in Chromium)
            tablet.tabTo(page.locator("#report-goodUnits"), 15);
            page.keyboard().press("Control+A");
            page.keyboard().type("7");
            Locator send = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send status report"));
            tablet.tabTo(send, 4);
            assertThat(send).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
            page.keyboard().press("Enter");
            assertThat(page.locator(".saved")).containsText("the line is now Running");
            assertThat(page.locator("table.reports tbody tr").first()).containsText("7");

            tablet.signOut();
            assertThat(tablet.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
        }
    }

    @Test
    @DisplayName("the console refreshes its token silently: no reload, no login page, the next call with the new token")
    void theTokenIsRefreshedSilently() {
        Duration lifespan = Duration.ofSeconds(40);
        try (ConsoleTokenLifespan shortLived = ConsoleTokenLifespan.of(lifespan)) {
            var page = browser.page;
            List<Response> grants = new CopyOnWriteArrayList<>();
            page.onResponse(response -> {
                if (response.url().endsWith("/protocol/openid-connect/token")) {
                    grants.add(response);
                }
            });
            browser.signIn("maker-de", "maker-de");
            assertThat(page.locator("main h1")).hasText("My lines");
            String first = accessToken(grants.stream().filter(response -> isGrant(response, "authorization_code"))
                    .findFirst().orElseThrow());
            Map<String, Object> firstClaims = Tokens.claims(first);
            assertThat(seconds(firstClaims, "exp") - seconds(firstClaims, "iat")).isEqualTo(lifespan.toSeconds());
            // a mark on this very page: a reload or a round trip through the login page would lose it
            page.evaluate("() => { window.signedInOnce = true; }");

            // before the token expires, keycloak-js asks Keycloak for a new one with its refresh token
            Response refresh = page.waitForResponse(response -> isGrant(response, "refresh_token"),
                    new Page.WaitForResponseOptions().setTimeout(lifespan.toMillis()), () -> { });
            assertThat(refresh.status()).isEqualTo(200);
            String renewed = accessToken(refresh);
            assertThat(renewed).isNotEqualTo(first);
            assertThat(seconds(Tokens.claims(renewed), "exp")).isGreaterThan(seconds(firstClaims, "exp"));
            assertThat((Boolean) page.evaluate("() => window.signedInOnce === true")).as("the same page").isTrue();
            assertThat(page.locator("[data-user]")).hasAttribute("data-user", "maker-de");

            // the next call of the API carries a renewed token, and the API answers it
            Request call = page.waitForRequest(request -> request.url().contains("/api/licences"),
                    () -> page.locator("nav.tasks a", new Page.LocatorOptions().setHasText("My licences")).click());
            List<String> renewedTokens = grants.stream().filter(response -> isGrant(response, "refresh_token"))
                    .map(ConsoleIT::accessToken).map(token -> "Bearer " + token).toList();
            assertThat(renewedTokens).contains(call.headerValue("authorization"));
            assertThat(call.response().status()).isEqualTo(200);
            assertThat(page.locator("table.licences")).isVisible();

            browser.signOut();
            assertThat(browser.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
        }
    }

    private static boolean isGrant(Response response, String grantType) {
        String form = response.request().postData();
        return response.url().endsWith("/protocol/openid-connect/token") && form != null
                && form.contains("grant_type=" + grantType);
    }

    private static String accessToken(Response grant) {
        return JsonPath.from(grant.text()).getString("access_token");
    }

    private static long seconds(Map<String, Object> claims, String claim) {
        return ((Number) claims.get(claim)).longValue();
    }

    @Test
    @DisplayName("the order desk places an order (a wrong quantity first), sees it listed and, when its line goes down, moved")
    void orderDeskPlacesAnOrder() throws Exception {
        // both lines able to take the order
        MissionIT.report("maker-de", "DE-MUC-01", "RUNNING", null, 0);
        MissionIT.report("maker-de", LINE, "RUNNING", null, 0);
        // the router learns of line states through Kafka
        Platform.get().awaitEventsApplied(MissionIT.SETTLE);
        browser.signIn("desk", "desk");
        var page = browser.page;

        assertThat(page.locator("main h1")).hasText("Orders");
        assertThat(page.locator("nav.tasks a")).hasText(new String[] { "Orders", "Production lines" });
        assertThat(page.locator(".counts li[data-state='QUEUED'] .count")).hasText(Pattern.compile("\\d+"));

        page.locator("a.action").click();
        assertThat(page.locator("main h1")).hasText("Place an order");
        page.locator("#order-customerClass").selectOption("PARTNER_DEFENCE");
        page.locator("#order-customer").fill("Console test: allied ministry");
        page.locator("#order-technologyCode").selectOption(MissionIT.FPV);
        page.locator("#order-quantity").fill("0");
        page.locator("#order-neededBy").fill(MissionIT.today().plusDays(60).toString());
        page.locator("button[type=submit]").click();

        assertThat(page.locator("[data-field='quantity'] .field-error")).containsText("greater than or equal to 1");
        assertThat(page.locator("#order-quantity")).isFocused();
        assertThat(page.locator("main [role=alert]")).containsText("invalid");

        page.locator("#order-quantity").fill("5");
        page.locator("button[type=submit]").click();
        assertThat(page.locator("main h1")).hasText("Orders");
        Locator placed = page.locator(".saved");
        assertThat(placed).containsText("placed");
        String orderId = page.locator("table.orders tbody tr").first().getAttribute("data-order");
        assertThat(placed).containsText(orderId);
        assertThat(page.locator("tr[data-order='" + orderId + "']")).containsText("Console test: allied ministry");
        assertThat(Files.size(browser.screenshot("order-desk-orders"))).isPositive();

        // its page: the plan per line and why each line was chosen or passed over
        page.locator("tr[data-order='" + orderId + "'] a").click();
        assertThat(page.locator("main h1")).hasText("Order " + orderId);
        Locator active = page.locator("table.allocations tr[data-status='ACTIVE']");
        assertThat(active).hasCount(1);
        String servingLine = active.getAttribute("data-line");
        assertThat(page.locator("table.candidates tr[data-line='" + servingLine + "']")).containsText("Chosen");
        assertThat(Files.size(browser.screenshot("order-desk-order"))).isPositive();

        // its line goes down: the order's page shows the new plan without a reload
        String otherLine = servingLine.equals(LINE) ? "DE-MUC-01" : LINE;
        MissionIT.report("maker-de", servingLine, "DOWN", "BREAKDOWN", 0);
        var settle = new LocatorAssertions.HasCountOptions().setTimeout(MissionIT.SETTLE.toMillis());
        assertThat(page.locator("table.allocations tr[data-status='ACTIVE'][data-line='" + otherLine + "']"))
                .hasCount(1, settle);
        assertThat(page.locator("table.allocations tr[data-status='ACTIVE'][data-line='" + servingLine + "']"))
                .hasCount(0);
        assertThat(page.locator("table.candidates tr[data-line='" + servingLine + "']")).containsText("line DOWN");
        MissionIT.report("maker-de", servingLine, "RUNNING", null, 0);

        // the desk reads a line, but reporting on it is its factory's task
        browser.open("/lines/DE-MUC-01");
        assertThat(page.locator("main h1")).hasText("Line DE-MUC-01");
        assertThat(page.locator("bwu-report-form")).hasCount(0);

        browser.signOut();
        assertThat(browser.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
    }

    @Test
    @DisplayName("the officer releases the next revision of UA-FPV-7 with a file; maker-de acknowledges, downloads it, finds it on record")
    void technicalDataFromOfficerToManufacturer() throws Exception {
        String fileName = "drawing-list.txt";
        byte[] contents = ("Console test drawing list " + UUID.randomUUID() + "\n").getBytes(UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contents));

        // the officer: a new revision (the notes are required: the API's message beside the field), a file, released
        browser.signIn("officer", "officer");
        var page = browser.page;
        page.locator("nav.tasks a", new Page.LocatorOptions().setHasText("Technical data")).click();
        assertThat(page.locator("main h1")).hasText("Technical data");
        page.locator("#techdata-technology").selectOption(MissionIT.FPV);
        Locator released = page.locator("section.revision[data-state='RELEASED']");
        assertThat(released).hasCount(1);
        String previous = released.getAttribute("data-revision");

        page.locator("form.new-revision button[type=submit]").click();
        assertThat(page.locator("[data-field='notes'] .field-error")).isVisible();
        assertThat(page.locator("#revision-notes")).isFocused();
        page.locator("#revision-notes").fill("Console test: drawing list for the next production run");
        page.locator("form.new-revision button[type=submit]").click();
        Locator draft = page.locator("section.revision[data-state='DRAFT']");
        assertThat(draft).hasCount(1);
        String revision = draft.getAttribute("data-revision");
        assertThat(page.locator(".saved")).containsText("Revision " + revision + " created");

        draft.locator("input[type=file]").setInputFiles(new FilePayload(fileName, "text/plain", contents));
        draft.locator("form.upload button[type=submit]").click();
        assertThat(draft.locator(".progress[data-phase='done'] progress")).hasAttribute("value", "100");
        assertThat(page.locator(".saved")).containsText(fileName + " uploaded to revision " + revision);
        Locator uploaded = draft.locator("tr[data-file='" + fileName + "']");
        assertThat(uploaded.locator(".sha256")).hasText(sha256);
        assertThat(uploaded).containsText("text/plain");

        draft.locator("button.release").click();
        assertThat(page.locator(".confirm")).containsText("Revision " + previous + " will be SUPERSEDED");
        page.locator("button.confirm-release").click();
        assertThat(page.locator("section.revision[data-revision='" + revision + "']"))
                .hasAttribute("data-state", "RELEASED");
        assertThat(page.locator("section.revision[data-revision='" + previous + "'] h2 .badge")).hasText("Superseded");
        assertThat(Files.size(browser.screenshot("officer-technical-data"))).isPositive();
        assertThat(browser.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();

        // maker-de: downloads are disabled until it acknowledges the export-control notice
        String downloadId;
        try (ConsoleBrowser maker = new ConsoleBrowser(Platform.get())) {
            maker.signIn("maker-de", "maker-de");
            var makerPage = maker.page;
            makerPage.locator("nav.tasks a", new Page.LocatorOptions().setHasText("Technical data")).click();
            Locator technology = makerPage.locator("section.technology[data-technology='" + MissionIT.FPV + "']");
            assertThat(technology.locator(".revision")).hasText(revision);
            assertThat(technology.locator(".notice-text")).containsText("Release " + revision + " of " + MissionIT.FPV);
            Locator download = technology.locator("tr[data-file='" + fileName + "'] button.download");
            assertThat(download).isDisabled();
            assertThat(technology.locator(".why-disabled")).containsText("Downloads are disabled until you acknowledge");

            technology.locator("button.acknowledge").click();
            assertThat(technology.locator(".acknowledged")).isVisible();
            assertThat(download).isEnabled();
            Download saved = makerPage.waitForDownload(download::click);
            assertThat(saved.suggestedFilename()).isEqualTo(fileName);
            assertThat(Files.readAllBytes(saved.path())).isEqualTo(contents);

            downloadId = technology.locator(".downloaded").getAttribute("data-download-id");
            assertThat(downloadId).isNotBlank();
            Locator record = technology.locator("table.access-records tr[data-download-id='" + downloadId + "']");
            assertThat(record).containsText(fileName);
            assertThat(record).containsText("Allowed");
            assertThat(technology.locator("table.access-records tr[data-action='ACKNOWLEDGE']").first())
                    .containsText(revision);
            assertThat(makerPage.locator("main")).not().containsText("uk-bristol");
            assertThat(Files.size(maker.screenshot("manufacturer-technical-data"))).isPositive();
            makerPage.setViewportSize(820, 1180);
            download.scrollIntoViewIfNeeded();
            assertThat(download).isInViewport(new LocatorAssertions.IsInViewportOptions().setRatio(1));
            maker.screenshot("manufacturer-technical-data-tablet");
            maker.signOut();
            assertThat(maker.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
        }

        // the officer sees who accessed what: maker-de's download, with its id
        page.reload();
        page.locator("#techdata-technology").selectOption(MissionIT.FPV);
        Locator access = page.locator("table.access-records tr[data-download-id='" + downloadId + "']");
        assertThat(access).containsText("maker-de");
        assertThat(access).containsText("de-munich");
        assertThat(access).containsText(fileName);
        assertThat(Files.size(browser.screenshot("officer-technical-data-access"))).isPositive();
        browser.signOut();
    }

    @Test
    @DisplayName("a manufacturer that types the address of another factory's line gets a readable refusal")
    void anotherFactorysLineIsRefused() {
        browser.signIn("maker-de", "maker-de");
        browser.open("/lines/" + OTHER_FACTORYS_LINE);
        var page = browser.page;

        Locator refusal = page.locator("main [role=alert]");
        assertThat(refusal).containsText("Forbidden");
        assertThat(refusal).containsText("belongs to another factory");
        assertThat(page.locator("bwu-report-form")).hasCount(0);
        assertThat(page.locator("main")).not().containsText("uk-bristol");
        assertThat(page.locator("nav.tasks a")).hasText(new String[] { "My lines", "My licences", "Technical data" });

        // nor does a typed address open another role's task
        browser.open("/orders/new");
        assertThat(page.locator("main [role=alert]")).containsText("task your roles do not include");
        assertThat(page.locator("bwu-order-form")).hasCount(0);
        browser.signOut();
    }
}
