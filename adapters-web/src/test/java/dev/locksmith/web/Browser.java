package dev.locksmith.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}; Selenium's driver manager cannot
 * download here), with a fresh profile, plus the checks every page gets: a screenshot under
 * {@code target/screenshots/} and an axe-core scan with no serious or critical violation.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("locksmith.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("locksmith.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;
    private int shots;

    Browser() {
        try {
            profile = Files.createTempDirectory("locksmith-chromium");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Saves a screenshot of the page as {@code NN-name.png} and returns its path. */
    Path screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Runs axe-core on the page and fails on any serious or critical violation. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.getErrorMessage()).as("axe on %s ran", page).isNullOrEmpty();
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(bad)
                .as(
                        "serious or critical axe violations on %s: %s",
                        page,
                        bad.stream()
                                .map(v -> v.getId() + " "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(",")))
                                .collect(Collectors.joining("; ")))
                .isEmpty();
        assertThat(results.getPasses()).as("axe checked something on %s", page).isNotEmpty();
    }

    /** Screenshot and accessibility scan of the page shown now. */
    Path check(String name) {
        assertAccessible(name);
        return screenshot(name);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
