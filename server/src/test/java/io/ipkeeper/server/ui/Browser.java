package io.ipkeeper.server.ui;

import io.ipkeeper.testkit.Prerequisites;
import io.ipkeeper.testkit.Prerequisites.Prerequisite;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver (the two always come from the same
 * source package, so their versions match). Used by the browser tests and by the screenshot tool.
 */
public final class Browser implements AutoCloseable {
    static final File CHROMIUM = new File(System.getenv().getOrDefault("IPKEEPER_CHROMIUM", "/usr/bin/chromium"));
    static final File DRIVER = new File(System.getenv().getOrDefault("IPKEEPER_CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Generous: the machine may be busy; the waits return as soon as the condition holds. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Fails the calling test (with how to fix it) when chromium or chromedriver is missing. */
    public static void require() {
        Prerequisites.require(Prerequisite.BROWSER, CHROMIUM.canExecute() && DRIVER.canExecute(),
                "looked for " + CHROMIUM + " and " + DRIVER,
                "Install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver), or point"
                        + " IPKEEPER_CHROMIUM and IPKEEPER_CHROMEDRIVER at a matching pair.");
    }

    public static Browser start(int width, int height) {
        require();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Waits for {@code condition}; a timeout names what the page's alert region said (usually the API's detail). */
    public <T> T await(Function<WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            String alert = driver.findElements(By.id("error")).stream().map(WebElement::getText).findFirst().orElse("");
            throw new TimeoutException("page " + driver.getCurrentUrl() + " alert: '" + alert + "'; " + e.getMessage(), e);
        }
    }

    public WebElement visible(String css) {
        return await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void waitText(String css, String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Types into the named field of the form with id {@code formId} (clearing it first). */
    public Browser type(String formId, String name, String text) {
        WebElement e = visible("#" + formId + " [name=" + name + "]");
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser choose(String formId, String name, String visibleText) {
        new Select(visible("#" + formId + " [name=" + name + "]")).selectByVisibleText(visibleText);
        return this;
    }

    public void submit(String formId) {
        visible("#" + formId + " button[type=submit]").click();
    }

    public void click(String css) {
        await(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Logs in through the login page and waits until the header names the user. */
    public void login(String baseUrl, String user, String password) {
        open(baseUrl + "/ui/#/login");
        type("login-form", "username", user).type("login-form", "password", password).submit("login-form");
        waitText("#whoami", user);
    }

    public void screenshot(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
