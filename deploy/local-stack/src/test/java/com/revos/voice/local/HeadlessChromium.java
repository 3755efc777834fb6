package com.revos.voice.local;

import com.revos.voice.testsupport.ReservedPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver (installed by .ci/run), driven by Selenium. Both binaries are given by path, so
 * Selenium Manager never runs and nothing is downloaded. Saves screenshots and runs axe-core (from its WebJar, on the
 * test classpath) in the page, keeping the serious and critical violations.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("revos.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("revos.chromedriver", "/usr/bin/chromedriver"));
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final int MAX_SHOT_HEIGHT = 4000;

    final ChromeDriver driver;
    private final Path screenshots;
    private final ReservedPorts.Reservation driverPort;
    private final String axe;
    private int shots;

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    HeadlessChromium(Path screenshots, int width, int height) {
        this.screenshots = screenshots;
        try (var in = HeadlessChromium.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test classpath (org.webjars.npm:axe-core)");
            }
            this.axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // chromedriver cannot bind port 0 and report it: a reserved port, held until the browser is closed (ADR 0017)
        this.driverPort = ReservedPorts.reserve();
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingPort(driverPort.port()).build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // root in CI: no sandbox; /dev/shm is small on these machines
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en-US");
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** The whole page, not only the viewport: the window grows to the page's height for the shot. */
    Path screenshot(String name) {
        var file = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        var size = driver.manage().window().getSize();
        var height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).intValue();
        try {
            driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(Math.max(height, size.getHeight()),
                    MAX_SHOT_HEIGHT)));
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
        return file;
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * The elements that stick out of the window sideways (outermost first, at most five), empty when the page fits:
     * wide tables are meant to scroll inside their own box instead.
     */
    @SuppressWarnings("unchecked")
    List<String> widerThanTheWindow() {
        return (List<String>) driver.executeScript("""
                var width = document.documentElement.clientWidth, out = [];
                if (document.documentElement.scrollWidth <= width + 1) { return out; }
                document.querySelectorAll('body *').forEach(function (e) {
                  var box = e.getBoundingClientRect(), parent = e.parentElement.getBoundingClientRect();
                  if (out.length < 5 && box.right > width + 1 && parent.right <= width + 1) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' +
                      Math.round(box.right) + 'px');
                  }
                });
                return out.length ? out : ['the document, ' + document.documentElement.scrollWidth + 'px'];""");
    }

    /** axe-core's serious and critical violations on the current page, as "rule: help (n nodes: selector...)". */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations() {
        if (!(Boolean) driver.executeScript("return typeof window.axe !== 'undefined'")) {
            driver.executeScript(axe);
        }
        var result = (Map<String, Object>) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r); },
                    function (e) { done({error: String(e)}); });""");
        if (result.containsKey("error")) {
            throw new IllegalStateException("axe-core failed: " + result.get("error"));
        }
        var serious = new ArrayList<String>();
        for (var violation : (List<Map<String, Object>>) result.get("violations")) {
            var impact = String.valueOf(violation.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                var nodes = (List<Map<String, Object>>) violation.get("nodes");
                serious.add(violation.get("id") + " (" + impact + "): " + violation.get("help") + " — "
                        + nodes.size() + " node(s): " + nodes.stream().limit(3).map(n -> String.valueOf(n.get("target")))
                        .toList());
            }
        }
        return serious;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            driverPort.close();
        }
    }
}
