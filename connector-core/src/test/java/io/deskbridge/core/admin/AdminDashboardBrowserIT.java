package io.deskbridge.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.api.ApiKeys;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.ConnectorHarness;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.privacy.PrivacySettings;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin dashboard in a real browser: Debian's headless Chromium through Selenium against a running Deskbridge (an
 * api installation, an H2 store) holding conversations decided for real through the Conversation API and seeded
 * audited conversations ({@link DashboardSeed}). It checks the figures on the page against the store, follows a
 * drill-down link to the list and a conversation's decision trail, asks the "try the bot" panel, measures the first
 * contentful paint, and saves a screenshot as {@code target/admin-dashboard.png}.
 *
 * <p>{@code -Ddeskbridge.admin.seed=100000} seeds that many conversations (default 300) into an H2 file and records the
 * paint timings in {@code target/admin-dashboard-timings.txt} (docs/benchmarks.md). Without {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver} (Debian's {@code chromium} and {@code chromium-driver}) the test is skipped with a
 * notice.
 */
class AdminDashboardBrowserIT {
  private static final Path CHROMIUM = Path.of(System.getProperty("deskbridge.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("deskbridge.chromedriver", "/usr/bin/chromedriver"));
  private static final String TOKEN = "admin-test-token-" + Long.toHexString(System.nanoTime());
  private static final int SEEDED = Integer.getInteger("deskbridge.admin.seed", 300);
  private static final int LOADS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Deskbridge deskbridge;
  private static StoreConfig store;
  private static TestDatabases.Source databases;
  private static Path benchDir;
  private static DashboardSeed.Plan plan;
  private static WebDriver browser;
  private static Path userData;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!available) {
      System.out.println("NOTICE: AdminDashboardBrowserIT skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver; .ci/run installs them)");
    }
    Assumptions.assumeTrue(available, "the admin dashboard's browser IT needs Debian's chromium and chromium-driver "
        + "(" + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
    if (SEEDED > 10_000) {
      benchDir = Path.of("target", "admin-bench-" + System.nanoTime()).toAbsolutePath();
      store = StoreConfig.h2File(benchDir);
    } else {
      databases = TestDatabases.h2("admin");
      store = databases.create();
    }
    var web = new DeskbridgeConfig.InstallationConfig("web", "api", Mode.AUTO,
        new Routing("general-team", Map.of("Shipping", "shipping-team"), ""), RetryPolicy.DEFAULT, 0,
        Settings.of("installations[web].settings", Map.of()));
    var config = new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20), store,
        EngineSettings.DEFAULT.withWorkers(2), Path.of("unused-kb"), null, null, Settings.of("bot", Map.of()),
        List.of(web), PrivacySettings.DEFAULT, new AdminSettings(Secret.of(TOKEN), Duration.ofHours(72)));
    deskbridge = Deskbridge.start(config, ConnectorHarness.bot(), Connectors.discover(), Clock.systemUTC());
    // conversations decided for real: an answer, a handover on request
    String key = new ApiKeys(deskbridge.store().conversationApi(), Clock.systemUTC()).create("web", "it").secret();
    apiMessage(key, "live-1", "How long does delivery take?");
    apiMessage(key, "live-2", "I want to talk to a human agent right now");
    long seededFrom = System.nanoTime();
    Duration spacing = SEEDED > 10_000 ? Duration.ofSeconds(5) : Duration.ofMinutes(1);
    plan = DashboardSeed.seed(store, "web", SEEDED, Instant.now().minus(Duration.ofDays(12)), spacing);
    deskbridge.store().dashboard().rebuildAggregates(); // the seed wrote the audit past the store
    System.out.printf(Locale.ROOT, "seeded %d conversations in %d ms%n", SEEDED, (System.nanoTime() - seededFrom) / 1_000_000);

    userData = Files.createTempDirectory("deskbridge-chromium");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,2200", "--user-data-dir=" + userData);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (deskbridge != null) {
      deskbridge.close();
    }
    if (databases != null) {
      databases.drop(store);
    }
    for (Path dir : new Path[] {userData, benchDir}) {
      if (dir != null && Files.exists(dir)) {
        try (var walk = Files.walk(dir)) {
          walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
    }
  }

  private static void apiMessage(String key, String conversation, String text) throws Exception {
    var body = JSON.createObjectNode().put("text", text).put("channel", "chat").toString();
    var response = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/conversations/" + conversation + "/messages"))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + deskbridge.port() + path);
  }

  /** Distinct conversations with a decision of one of the kinds, counted by SQL in the store. */
  private static long conversationsWith(String decisions) throws Exception {
    try (var c = DriverManager.getConnection(store.connectionUrl(), store.username(), "");
        var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM (SELECT DISTINCT installation, conversation_id "
            + "FROM audit WHERE decision IN (" + decisions + ")) t")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String tile(String figure) {
    return browser.findElement(By.cssSelector("#tile-" + figure + " .value")).getText();
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(SEEDED > 10_000 ? 120 : 30));
  }

  @Test
  void theDashboardShowsTheStoresFiguresAndDrillsDownToADecisionTrail() throws Exception {
    // the API refuses without the token, with a reason
    var refused = HTTP.send(HttpRequest.newBuilder(uri("/admin/api/figures")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("admin token");

    // first paint and figures drawn, each load a new navigation
    var paints = new ArrayList<Double>();
    var drawn = new ArrayList<Double>();
    browser.get(uri("/admin#token=" + TOKEN).toString());
    for (int i = 0; i < LOADS; i++) {
      if (i > 0) {
        browser.get(uri("/admin?load=" + i + "#/").toString());
      }
      waiting().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-figures", "drawn"));
      var js = (JavascriptExecutor) browser;
      // the browser records the first paint's entry after the paint, which can come after the figures are drawn
      waiting().until(d -> (Boolean) js.executeScript(
          "return performance.getEntriesByName('first-contentful-paint').length > 0"));
      paints.add(((Number) js.executeScript("return performance.getEntriesByName('first-contentful-paint')[0].startTime"))
          .doubleValue());
      drawn.add(((Number) js.executeScript("return performance.getEntriesByName('figures-drawn')[0].startTime"))
          .doubleValue());
    }
    double paint = median(paints);
    double figures = median(drawn);
    String timings = String.format(Locale.ROOT, "conversations seeded: %d; loads: %d; first-contentful-paint ms: %s "
        + "(median %.0f); figures drawn ms: %s (median %.0f)%n", SEEDED, LOADS, paints, paint, drawn, figures);
    System.out.print(timings);
    Files.writeString(Path.of("target", "admin-dashboard-timings.txt"), timings);

    // the figures against the store
    long conversations = conversationsWith("'reply', 'draft', 'clarify', 'handover'");
    long handedOver = conversationsWith("'handover'");
    long answered = conversationsWith("'reply', 'draft'");
    assertThat(conversations).isEqualTo(plan.conversations() + 2L);
    assertThat(tile("conversations")).isEqualTo(Long.toString(conversations));
    assertThat(tile("handed_over")).isEqualTo(Long.toString(handedOver));
    assertThat(tile("answered")).isEqualTo(Long.toString(answered));
    assertThat(tile("resolved")).isEqualTo(Integer.toString(plan.resolved())); // the live answer's window is open
    assertThat(tile("came_back")).isEqualTo(Integer.toString(plan.cameBack()));
    assertThat(browser.findElements(By.cssSelector("#chart-outcomes canvas, #chart-reasons canvas, "
        + "#chart-confidence canvas"))).hasSize(3);
    assertThat(browser.findElement(By.id("others")).getText()).contains("dead letters " + plan.deadLetters());
    assertThat(browser.findElement(By.id("csat")).getText()).contains("CSAT is not provided by the api helpdesk");
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
        Path.of("target", "admin-dashboard.png"), StandardCopyOption.REPLACE_EXISTING);

    // try the bot: decided in memory
    browser.findElement(By.cssSelector("#try-form input[name=text]")).sendKeys("How long does delivery take?");
    browser.findElement(By.cssSelector("#try-form button")).click();
    waiting().until(ExpectedConditions.textMatches(By.id("try-result"), java.util.regex.Pattern.compile("^reply")));
    assertThat(conversationsWith("'reply', 'draft', 'clarify', 'handover'")).isEqualTo(conversations);

    // drill down: the handed-over number lists those conversations, one opens with its decision trail
    browser.findElement(By.cssSelector("#tile-handed_over a.num")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("list-title")));
    assertThat(browser.findElement(By.id("list-title")).getText()).startsWith(handedOver + " conversation(s)");
    browser.findElement(By.cssSelector("#list-table a.conv")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation-title")));
    assertThat(browser.findElement(By.cssSelector(".decision.handover")).getText()).contains("handover");
    assertThat(browser.findElements(By.cssSelector(".msg.BOT"))).as("the bot's message to the customer").isNotEmpty();
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
        Path.of("target", "admin-conversation.png"), StandardCopyOption.REPLACE_EXISTING);
    // the paint timings are measured and written above, not asserted: speed is judged in docs/benchmarks.md
  }

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
