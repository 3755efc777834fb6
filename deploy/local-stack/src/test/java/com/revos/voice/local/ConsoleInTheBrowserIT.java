package com.revos.voice.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.testsupport.RealInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (headless Chromium) against the whole product on the real broker and database, as a
 * campaign manager uses it: the operator stocks the pool; a tenant signs in, deploys a template through the dialog
 * (the API's field errors shown next to the field), gets, imports and attaches a number, creates a campaign, uploads
 * contacts with bad rows and sees them reported, starts it and watches progress move without a reload, pauses and
 * resumes it, sees the optimizer's stop-loss pause and its decision; another tenant then sees none of it. Every page
 * is checked with axe-core (no serious or critical violations) and saved as a screenshot under target/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInTheBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final List<ServiceLauncher.Service> services = new ArrayList<>();
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();
    private static final String AGENT = "Console SDR " + TENANT.toString().substring(0, 4);
    private static LocalPorts ports;
    private static ProductClient simulator;
    private static HeadlessChromium browser;
    private static String campaignUrl;

    @BeforeAll
    static void startTheProductAndTheBrowser() {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Chromium is not installed (" + HeadlessChromium.CHROMIUM
                + ", " + HeadlessChromium.CHROMEDRIVER + "): apt-get install chromium chromium-driver; .ci/run "
                + "installs them. The console's browser test is skipped.");
        // the outbox slots are kept on shutdown: the whole-product test, in the same JVM and database, starts its own
        // relays afterwards from the offsets stored for these slots, which a dropped slot would no longer serve
        var launcher = new ServiceLauncher(RealInfrastructure.jdbcUrl(), RealInfrastructure.kafkaBootstrapServers(),
                Map.of("revos.simulator.seed", "11", "revos.simulator.api-latency", "20ms"));
        // every part binds port 0 and reports the port it got; each is told where the ones it calls are (ADR 0017)
        var webhookIngest = started(launcher.start(LocalService.WEBHOOK_INGEST, 0, null, null));
        var simulatorService = started(launcher.start(LocalService.SIMULATOR, 0, webhookIngest.url(), null));
        var provisioning = started(launcher.start(LocalService.PROVISIONING, 0, null, simulatorService.url()));
        var dialer = started(launcher.start(LocalService.DIALER, 0, null, simulatorService.url()));
        var optimizer = started(launcher.start(LocalService.OPTIMIZER, 0, null, simulatorService.url()));
        var console = started(launcher.start(LocalService.CONSOLE, 0, Map.of(LocalService.PROVISIONING,
                provisioning.url(), LocalService.DIALER, dialer.url(), LocalService.OPTIMIZER, optimizer.url())));
        ports = new LocalPorts(provisioning.port(), dialer.port(), webhookIngest.port(), optimizer.port(),
                simulatorService.port(), 0, 0, console.port());
        simulator = new ProductClient(url(ports.provisioning()), url(ports.dialer()), url(ports.optimizer()),
                url(ports.simulator()), null, null);
        simulator.simulatorConfig(Map.of("failure_rate", 0.0, "answer_rate", 0.8, "min_duration_secs", 1,
                "max_duration_secs", 2));
        browser = new HeadlessChromium(SCREENSHOTS, 1280, 1000);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        services.reversed().forEach(ServiceLauncher.Service::close);
    }

    /** The accessibility check can fail: on a page with an unlabelled field and an image without text it does. */
    @Test
    @Order(0)
    void the_accessibility_check_reports_what_a_screen_reader_cannot_use() {
        browser.driver.get("data:text/html,<html lang=en><head><title>t</title></head><body><main>"
                + "<img src='x.png'><input name=phone></main></body></html>");
        assertThat(browser.seriousAccessibilityViolations()).anyMatch(v -> v.startsWith("image-alt"))
                .anyMatch(v -> v.startsWith("label"));
    }

    @Test
    @Order(1)
    void the_operator_signs_in_with_one_click_and_adds_a_number_to_the_pool() {
        open("/sign-in");
        checkPage("sign-in");
        click(By.id("sign-in-operator"));
        waitFor(By.id("pool-add"));
        type(By.id("numbers"), poolNumber() + "," + CampaignScenario.twilioSid(poolNumber()));
        click(By.id("pool-add-submit"));
        noticeSays("1 number(s) added to the pool");
        assertThat(text(By.id("pool"))).contains(poolNumber());
        checkPage("operator-pool");
        signOut();
    }

    @Test
    @Order(2)
    void a_tenant_signs_in_with_a_token_and_is_told_what_to_do_first() {
        signInWithToken(LocalTokenIssuer.fromEnvironment().tenant(TENANT));
        assertThat(waitFor(By.id("no-campaigns")).getText()).contains("Create one");
        assertThat(text(By.cssSelector("[data-testid=tenant]"))).isEqualTo(TENANT.toString());
        checkPage("campaigns-empty");
    }

    @Test
    @Order(3)
    void a_template_is_deployed_through_the_dialog_with_the_apis_field_errors_next_to_the_fields() {
        open("/catalog");
        assertThat(browser.driver.findElements(By.cssSelector("article[data-template]"))).hasSize(4);
        checkPage("catalog");
        click(By.id("deploy-sales-qualification"));
        var dialog = waitFor(By.cssSelector("dialog#deploy-dialog[open]"));
        assertThat(dialog.findElement(By.id("voice_id")).getAttribute("value")).isNotBlank();
        var voice = dialog.findElement(By.id("voice_id")).getAttribute("value");
        type(By.id("name"), AGENT);
        type(By.id("voice_id"), "not a voice!");
        checkPage("deploy-dialog");
        click(By.id("deploy-submit"));

        var error = waitFor(By.id("voice_id-error"));
        assertThat(error.getText()).contains("voice id");
        assertThat(browser.driver.findElement(By.id("voice_id")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.cssSelector("dialog#deploy-dialog")).isDisplayed()).isTrue();
        checkPage("deploy-dialog-field-error");

        type(By.id("voice_id"), voice);
        click(By.id("deploy-submit"));
        assertThat(waitFor(By.id("deployed")).getText()).contains("deployed on ElevenLabs");
        checkPage("agent");
        open("/agents");
        assertThat(text(By.id("agents"))).contains(AGENT);
        checkPage("agents");
    }

    @Test
    @Order(4)
    void a_number_is_got_imported_and_attached_with_each_step_visible() {
        open("/numbers");
        assertThat(text(By.id("no-numbers"))).contains("get one above");
        type(By.id("country"), "US");
        type(By.id("area_code"), poolNumber().substring(2, 5));
        click(By.id("get-number-submit"));
        noticeSays("You have", "import it");
        assertThat(text(By.cssSelector("#numbers .state"))).isEqualTo("assigned: import it into ElevenLabs");
        checkPage("numbers-assigned");

        click(By.cssSelector("#numbers button.import"));
        noticeSays("is imported");
        assertThat(text(By.cssSelector("#numbers .state"))).isEqualTo("imported: attach an agent");

        new Select(browser.driver.findElement(By.cssSelector("#numbers select[name=agent_id]")))
                .selectByVisibleText(AGENT);
        click(By.cssSelector("#numbers button.attach"));
        noticeSays("now answers");
        assertThat(text(By.cssSelector("#numbers .state"))).isEqualTo("ready: agent attached");
        checkPage("numbers-ready");
    }

    @Test
    @Order(5)
    void a_campaign_is_created_with_its_window_inside_the_legal_ceiling() {
        open("/campaigns/new");
        var startHours = new Select(browser.driver.findElement(By.id("start_hour"))).getOptions();
        var endHours = new Select(browser.driver.findElement(By.id("end_hour"))).getOptions();
        assertThat(startHours.getFirst().getText()).isEqualTo("08:00");
        assertThat(endHours.getLast().getText()).isEqualTo("21:00");
        checkPage("campaign-new");
        type(By.id("name"), "Console spring push");
        assertThat(browser.driver.findElement(By.id("purpose-marketing")).isSelected())
                .as("marketing, the dialer's default and the stricter, comes chosen").isTrue();
        click(By.id("purpose-marketing"));
        new Select(browser.driver.findElement(By.id("agent_id"))).selectByVisibleText(AGENT);
        new Select(browser.driver.findElement(By.id("phone_number_id"))).selectByIndex(1);
        new Select(browser.driver.findElement(By.id("start_hour"))).selectByValue("8");
        new Select(browser.driver.findElement(By.id("end_hour"))).selectByValue("21");
        for (var day : browser.driver.findElements(By.cssSelector("input[name=days]"))) {
            if (!day.isSelected()) {
                day.click();
            }
        }
        type(By.id("calls_per_second"), "5");
        type(By.id("max_concurrent"), "8");
        type(By.id("max_attempts"), "1");
        // the dialer learns of the attached number from provisioning's events: until then it refuses, and the form
        // shows why and keeps what was typed, so submitting again is all it takes
        // (each submit waits for the page it leads to: on a loaded machine the old page is still there after the click)
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            var form = browser.driver.findElement(By.id("campaign-form"));
            click(By.id("create-campaign"));
            new WebDriverWait(browser.driver, PATIENCE).until(ExpectedConditions.stalenessOf(form));
            if (browser.driver.getCurrentUrl().contains("?created")) {
                break;
            }
            assertThat(Instant.now()).as("the dialer accepts the campaign within a minute").isBefore(deadline);
            waitFor(By.id("campaign-problem"));
        }
        campaignUrl = browser.driver.getCurrentUrl().replace("?created", "");
        assertThat(text(By.tagName("h1"))).isEqualTo("Console spring push");
        assertThat(text(By.id("purpose"))).contains("Marketing", "written consent");
        checkPage("campaign-created");
    }

    @Test
    @Order(6)
    void an_upload_with_bad_rows_reports_each_of_them() throws IOException {
        var csv = Files.createTempFile("contacts", ".csv");
        var withoutConsent = contactsInsideTheirCallingHours(402);
        var contacts = withoutConsent.subList(0, 400);
        // the console's campaign is a marketing campaign: its contacts carry their written consent (ADR 0011), but
        // for two, which the upload refuses and the page reports
        var consent = ",written,console sign-up form,2026-01-05T10:00:00Z";
        var lines = new ArrayList<>(List.of("phone,first_name,consent_type,consent_source,consent_obtained_at"));
        for (int i = 0; i < contacts.size(); i++) {
            lines.add(contacts.get(i) + ",Contact" + i + consent);
            if (i == 3) {
                lines.add("12345,Bad" + consent);
                lines.add(contacts.getFirst() + ",Again" + consent);
            }
        }
        lines.add(withoutConsent.get(400) + ",NoConsent,,,");
        lines.add(withoutConsent.get(401) + ",Express,express,phone call,2026-01-05T10:00:00Z");
        Files.write(csv, lines);
        browser.driver.findElement(By.id("contacts")).sendKeys(csv.toAbsolutePath().toString());
        click(By.id("upload"));

        waitFor(By.id("upload-report"));
        assertThat(text(By.id("r-accepted"))).isEqualTo(String.valueOf(contacts.size()));
        assertThat(text(By.cssSelector("[data-reason=invalid_number]"))).isEqualTo("1");
        assertThat(text(By.cssSelector("[data-reason=duplicate]"))).isEqualTo("1");
        assertThat(text(By.cssSelector("[data-reason=no_written_consent]"))).isEqualTo("2");
        assertThat(text(By.cssSelector("#consent-report strong"))).isEqualTo("2");
        assertThat(text(By.id("consent-report"))).contains("consent_type=written", withoutConsent.get(400),
                withoutConsent.get(401));
        var rows = browser.driver.findElements(By.cssSelector("#rejections tbody tr"));
        assertThat(rows).hasSize(4);
        assertThat(rows.getFirst().getText()).contains("5", "12345", "invalid number");
        assertThat(rows.get(1).getText()).contains("6", contacts.getFirst(), "duplicate");
        checkPage("upload-report");
    }

    @Test
    @Order(7)
    void once_started_the_live_view_shows_progress_moving_without_a_reload() {
        click(By.id("start"));
        noticeSays("is running");
        browser.driver.executeScript("window.__sameDocument = true;");
        var before = attempted();
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(driver -> attempted() >= before + 10);
        assertThat((Boolean) browser.driver.executeScript("return window.__sameDocument === true"))
                .as("updated in place by htmx, not by reloading the page").isTrue();
        String status = fromLivePanel(driver -> driver.findElement(By.id("live-status")).getText());
        int done = fromLivePanel(driver -> Integer.parseInt(driver.findElement(By.id("progress-bar"))
                .getAttribute("data-done")));
        assertThat(status).isEqualTo("running");
        assertThat(done).isPositive();
        new WebDriverWait(browser.driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#live svg.chart rect")));
        checkPage("campaign-live");
    }

    @Test
    @Order(8)
    void pause_stops_it_and_resume_goes_on() {
        open(campaignUrl);
        click(By.id("pause"));
        noticeSays("is paused");
        assertThat(text(By.id("live-status"))).isEqualTo("paused");
        checkPage("campaign-paused");
        click(By.id("resume"));
        noticeSays("is running");
    }

    @Test
    @Order(9)
    void the_optimizer_pauses_on_a_failure_burst_and_its_decision_is_shown_with_its_evidence() {
        browser.driver.executeScript("window.__sameDocument = true;");
        simulator.simulatorConfig(Map.of("failure_rate", 0.9));
        // htmx swaps the live panel every 2 s: an element found just before a swap is stale, so look again
        new WebDriverWait(browser.driver, Duration.ofSeconds(120))
                .ignoring(StaleElementReferenceException.class).until(driver ->
                        "paused".equals(driver.findElement(By.id("live-status")).getText()));
        assertThat((Boolean) browser.driver.executeScript("return window.__sameDocument === true")).isTrue();
        assertThat(text(By.id("status-changed"))).as("the page says its controls are stale")
                .contains("now paused", "was running");
        simulator.simulatorConfig(Map.of("failure_rate", 0.0));
        click(By.id("decisions-link"));
        var deadline = Instant.now().plus(PATIENCE);
        while (browser.driver.findElements(By.cssSelector("article.decision .action")).stream()
                .noneMatch(action -> action.getText().contains("confirmed by the dialer"))) {
            assertThat(Instant.now()).as("the stop-loss decision, confirmed, on the decisions page").isBefore(deadline);
            browser.driver.navigate().refresh();
        }
        var decision = browser.driver.findElement(By.cssSelector("article.decision[data-rule]"));
        assertThat(decision.getAttribute("data-rule")).containsIgnoringCase("stop");
        assertThat(decision.getText()).contains("metric", "threshold");
        checkPage("optimizer-decisions");
    }

    @Test
    @Order(10)
    void calls_usage_suppressions_and_policy_pages_show_the_tenants_figures() {
        open("/calls?campaign=" + campaignUrl.substring(campaignUrl.lastIndexOf('/') + 1));
        assertThat(browser.driver.findElements(By.cssSelector("#calls tbody tr"))).isNotEmpty();
        checkPage("calls");
        open("/usage");
        assertThat(Long.parseLong(text(By.id("u-calls")))).isPositive();
        checkPage("usage");
        open("/suppressions");
        type(By.id("phones"), "+12125550123\nnot-a-number");
        click(By.id("suppress"));
        noticeSays("1 number(s) added");
        assertThat(text(By.id("refused"))).contains("not-a-number");
        assertThat(text(By.id("suppressions"))).contains("+12125550123");
        checkPage("suppressions");
        open("/policy");
        assertThat(browser.driver.findElements(By.cssSelector("#policy-form fieldset"))).isNotEmpty();
        checkPage("policy");
        click(By.id("save-policy"));
        noticeSays("policy was saved");
    }

    @Test
    @Order(11)
    void at_phone_width_pages_fit_the_screen_and_stay_accessible() {
        browser.resize(390, 844);
        try {
            for (var page : List.of(campaignUrl, "/campaigns", "/numbers", "/catalog")) {
                open(page);
                assertThat(browser.widerThanTheWindow()).as(page + " at 390 px: what sticks out").isEmpty();
            }
            open(campaignUrl);
            checkPage("phone-campaign");
        } finally {
            browser.resize(1280, 1000);
        }
    }

    @Test
    @Order(12)
    void another_tenant_sees_none_of_it() {
        signOut();
        signInWithToken(LocalTokenIssuer.fromEnvironment().tenant(OTHER_TENANT));
        assertThat(waitFor(By.id("no-campaigns")).getText()).contains("Create one");
        checkPage("other-tenant-campaigns");
        open("/agents");
        assertThat(text(By.id("no-agents"))).contains("No agents yet");
        open("/numbers");
        assertThat(text(By.id("no-numbers"))).contains("no number yet");
        open(campaignUrl);
        assertThat(text(By.id("problem"))).contains("belong to another tenant");
        assertThat(browser.driver.getPageSource()).doesNotContain("Console spring push");
        checkPage("other-tenant-not-found");
    }

    private static void signInWithToken(String token) {
        open("/sign-in");
        type(By.id("token"), token);
        click(By.id("sign-in-token"));
    }

    private static void signOut() {
        click(By.id("sign-out"));
        waitFor(By.id("token"));
    }

    private static long attempted() {
        return fromLivePanel(driver -> Long.parseLong(driver.findElement(By.id("m-attempted")).getText()));
    }

    /** A read of the live panel: htmx swaps it every 2 s, so an element found just before a swap is read again. */
    private static <T> T fromLivePanel(java.util.function.Function<org.openqa.selenium.WebDriver, T> read) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
                .until(read);
    }

    /** The page's screenshot, and no serious or critical accessibility violation on it. */
    private static void checkPage(String name) {
        browser.screenshot(name);
        assertThat(browser.seriousAccessibilityViolations()).as("serious accessibility violations on " + name)
                .isEmpty();
    }

    /**
     * Contacts whose local time is now well inside the legal calling hours (09:00-19:00), from a zone chosen for the
     * hour the test runs at, so the campaign dials at any time of day; the dialer derives each zone from the number.
     */
    static List<String> contactsInsideTheirCallingHours(int count) {
        var candidates = Map.of("America/New_York", "+1212", "America/Los_Angeles", "+1213",
                "Pacific/Honolulu", "+1808", "Europe/London", "+4420", "Europe/Berlin", "+4930", "Asia/Tokyo", "+813",
                "Australia/Sydney", "+612");
        var now = Instant.now();
        var zone = candidates.keySet().stream().sorted().filter(id -> {
            var hour = now.atZone(ZoneId.of(id)).getHour();
            return hour >= 9 && hour < 19;
        }).findFirst().orElseThrow();
        var prefix = candidates.get(zone);
        var random = new Random(now.getEpochSecond());
        var numbers = new ArrayList<String>();
        var zones = new ContactZones(ZoneOffset.UTC);
        while (numbers.size() < count) {
            var digits = prefix.startsWith("+1") ? (2 + random.nextInt(8)) + String.format("%06d", random.nextInt(1_000_000))
                    : prefix.equals("+4420") ? "7946" + String.format("%04d", random.nextInt(1000))
                    : String.format("%08d", 10_000_000 + random.nextInt(89_999_999));
            var number = prefix + digits;
            if (!numbers.contains(number) && zones.zoneKey(number).equals(zone)) {
                numbers.add(number);
            }
        }
        return numbers;
    }

    private static String poolNumber() {
        return "+1415555" + String.format("%04d", Math.abs(TENANT.getLeastSignificantBits() % 10_000));
    }

    private static void open(String path) {
        browser.driver.get(path.startsWith("http") ? path : url(ports.console()) + path);
    }

    private static WebElement waitFor(By by) {
        // found again on every try: an element of a page being replaced is stale or detached (see noticeSays)
        return new WebDriverWait(browser.driver, PATIENCE).ignoring(WebDriverException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Waits until the page's notice says all of {@code parts}. The notice is read again until it does, because
     * right after a submit it may still be the previous page's, or detached while the next one loads (Chromium:
     * "Node with given id does not belong to the document").
     */
    private static void noticeSays(String... parts) {
        var notice = By.cssSelector(".notice");
        new WebDriverWait(browser.driver, PATIENCE)
                .ignoring(WebDriverException.class) // stale and detached elements among them
                .withMessage(() -> "a notice saying " + List.of(parts))
                .until(driver -> {
                    var text = driver.findElement(notice).getText();
                    return Arrays.stream(parts).allMatch(text::contains);
                });
    }

    private static void click(By by) {
        new WebDriverWait(browser.driver, PATIENCE).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void type(By by, String text) {
        var field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    private static String text(By by) {
        return waitFor(by).getText().strip();
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }

    private static ServiceLauncher.Service started(ServiceLauncher.Service service) {
        services.add(service);
        return service;
    }
}
