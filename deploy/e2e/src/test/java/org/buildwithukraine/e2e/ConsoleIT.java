package org.buildwithukraine.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/** The console in a real browser against the real platform, with the demo data loaded. */
@Order(5)
@DisplayName("console: people at the browser console")
class ConsoleIT {

    private static final String LINE = "DE-MUC-02";
    private static final String OTHER_FACTORYS_LINE = "UK-BRS-01";

    private ConsoleBrowser browser;

    @BeforeAll
    static void withDemoData() {
        Platform.get().up(true);
    }

    @BeforeEach
    void openBrowser() {
        browser = new ConsoleBrowser(Platform.get());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

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

        // the words switch to Ukrainian, and stay so on the next visit
        page.locator("header select").selectOption("uk");
        assertThat(page.locator("main h1")).hasText("Мої лінії");
        page.reload();
        assertThat(page.locator("main h1")).hasText("Мої лінії");
        page.locator("header select").selectOption("en");

        page.locator("button.sign-out").click();
        assertThat(page.locator("#kc-login")).isVisible();
        assertThat(browser.errors).as("script errors and refusals of the Content-Security-Policy").isEmpty();
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

        page.locator("button.sign-out").click();
        assertThat(page.locator("#kc-login")).isVisible();
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
    }
}
