package io.kasparro.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, both named explicitly (nothing is
 * downloaded), with a fresh profile and no background traffic of its own. Tests using it are
 * skipped when either binary is missing.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  private final String baseUrl;
  private final List<String> expectedErrors = new ArrayList<>();

  private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, String baseUrl) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
    this.baseUrl = baseUrl;
  }

  /** Starts a browser for the service at {@code baseUrl}, or skips the test without one. */
  static Browser start(String baseUrl) throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests need /usr/bin/chromium and /usr/bin/chromedriver"
            + " (Debian: apt-get install chromium chromium-driver)");
    Path profile = Files.createTempDirectory("kasparro-chromium");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new Browser(new ChromeDriver(service, options), service, profile, baseUrl);
  }

  /** Opens a console address ({@code #/runs}) with a fresh tab state: no key, nothing cached. */
  void open(String hash) {
    driver.get(baseUrl + "/");
    driver.executeScript("sessionStorage.clear()");
    driver.navigate().refresh();
    go(hash);
  }

  /** Goes to another view in the same tab, as a click on a link would. */
  void go(String hash) {
    driver.executeScript("location.hash = arguments[0]", hash);
  }

  WebElement waitFor(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  void waitUntilGone(String css) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(css), 0));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** Saves the page as {@code target/screenshots/<name>.png}. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An error line the test expects the browser to log once (a 409 it asked for, say). */
  void expectError(String part) {
    expectedErrors.add(part);
  }

  /**
   * Checks what the page did so far: every request it made went to the service, and nothing was
   * logged as an error (a failed request, a script error, a console.error).
   */
  @SuppressWarnings("unchecked")
  void assertOnlyTheServiceWasAskedAndNothingFailed() {
    List<String> requests =
        (List<String>)
            script(
                "return performance.getEntriesByType('navigation')"
                    + ".concat(performance.getEntriesByType('resource')).map(e => e.name)");
    assertThat(requests).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(baseUrl + "/"));
    List<LogEntry> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .filter(entry -> !expectedErrors.removeIf(entry.getMessage()::contains))
            .toList();
    expectedErrors.clear();
    assertThat(errors).extracting(LogEntry::getMessage).isEmpty();
  }

  /** The session storage of the tab, by key. */
  @SuppressWarnings("unchecked")
  Map<String, String> sessionStorage() {
    return (Map<String, String>)
        script(
            "const o = {}; for (let i = 0; i < sessionStorage.length; i++) {"
                + " const k = sessionStorage.key(i); o[k] = sessionStorage.getItem(k); } return o;");
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    service.stop();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
