package dev.toolgate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.toolgate.sandbox.stripe.StripeSandbox;
import dev.toolgate.testing.Browser;
import dev.toolgate.testing.McpClients;
import dev.toolgate.testing.RunningToolgate;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real browser (headless Debian Chromium): sign in, connect a sandbox Stripe account, preview and
 * create a read-only MCP server, copy its URL once, use it with an MCP client, revoke it. Plus bad sign-in, form
 * errors, CSRF rejection and a narrow window. Screenshots of each page land in {@code target/screenshots}.
 */
class WebDashboardIT {
    private static RunningToolgate gate;
    private static StripeSandbox stripe;
    private static String token;
    private static Browser browser;

    @BeforeAll
    static void start() {
        if (!Browser.required()) {
            assumeTrue(Browser.available(), "chromium and chromedriver are not installed: dashboard tests skipped");
        }
        gate = RunningToolgate.start();
        stripe = StripeSandbox.start(0);
        token = gate.apiToken("acme");
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (gate != null) {
            browser.close();
            gate.close();
            stripe.close();
        }
    }

    /** Each test starts signed out, in a normal-size window. */
    @BeforeEach
    void freshBrowserState() {
        browser.driver.get(gate.baseUrl() + "/ui/sign-in");
        browser.driver.manage().deleteAllCookies();
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    private void open(String path) {
        browser.driver.get(gate.baseUrl() + path);
    }

    private WebElement find(String css) {
        return browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Waits for the notice to say this. After a submit the old page, with its own notice, can still be showing for a
     * moment, so the notice is looked up again until the new one is there.
     */
    private void awaitNotice(String expected) {
        browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), expected));
    }

    private String text() {
        return browser.driver.findElement(By.tagName("body")).getText();
    }

    private void signIn(String apiToken) {
        open("/ui");
        find("#token").sendKeys(apiToken);
        find("form[action='/ui/sign-in'] button").click();
    }

    private String connectStripe(String label) {
        find("a[href='/ui/accounts/new']").click();
        find("#integration");
        new org.openqa.selenium.support.ui.Select(find("#integration")).selectByValue("stripe");
        find("#cred-api_key").sendKeys(stripe.apiKey());
        find("#label").sendKeys(label);
        find("#base_url").sendKeys(stripe.baseUrl().toString());
        find("form.stack button[type=submit]").click();
        browser.await().until(ExpectedConditions.urlMatches("/ui/accounts/[0-9a-f-]{36}"));
        return browser.driver.getCurrentUrl().replaceAll(".*/ui/accounts/([0-9a-f-]{36}).*", "$1");
    }

    @Test
    void fullFlow_signInConnectPreviewCreateUseRevoke() throws Exception {
        open("/ui");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/ui/sign-in");
        browser.screenshot("01-sign-in");
        signIn(token);
        find("h1");
        browser.screenshot("02-accounts");

        String account = connectStripe("Stripe sandbox");
        assertThat(text()).contains("Account connected").contains("No MCP servers yet");
        assertThat(browser.driver.getPageSource()).doesNotContain(stripe.apiKey());
        browser.screenshot("03-account");

        find("a[href$='/servers/new']").click();
        int all = Integer.parseInt(find("#preview-count strong").getText());
        find("#name").sendKeys("Read only");
        find("input[name=methods][value=read]").click();
        browser.await()
                .until(d -> Integer.parseInt(d.findElement(By.cssSelector("#preview-count strong"))
                                .getText())
                        < all);
        String preview = find("#preview-names").getText();
        assertThat(preview).contains("list_all_stripe_customers").doesNotContain("create_a_stripe_refund");
        browser.screenshot("04-create-server-preview");

        find("#server-form button[type=submit]").click();
        String url = find("#created-url").getAttribute("value");
        assertThat(url).matches(gate.toolgate.publicBase() + "/mcp/[0-9a-f]{64}");
        assertThat(text()).contains("you will not see it again");
        find("[data-copy=created-url]").click();
        browser.await()
                .until(d -> d.findElement(By.cssSelector(".copied")).getText().equals("Copied."));
        browser.screenshot("05-server-created");

        try (var client = McpClients.connect(url)) {
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools)
                    .isNotEmpty()
                    .allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).isTrue());
            var balance = client.callTool(McpSchema.CallToolRequest.builder("get_single_stripe_balance_by_id")
                    .arguments(Map.of())
                    .build());
            assertThat(balance.isError()).isNotEqualTo(Boolean.TRUE);
        }

        open("/ui/accounts/" + account);
        assertThat(browser.driver.getPageSource()).doesNotContain(url.substring(url.lastIndexOf('/') + 1));
        find("form[action$='/revoke'] button").click();
        browser.await().until(ExpectedConditions.alertIsPresent()).accept();
        find(".notice");
        assertThat(text()).contains("MCP server revoked");
        assertThat(ping(url)).isEqualTo(404);

        open("/ui/integrations");
        assertThat(browser.driver.getPageSource())
                .contains("get_single_stripe_balance_by_id")
                .contains("finexio_invoices_bulk_create");
        browser.screenshot("06-integrations");
    }

    @Test
    void editAccount_changeExpiry_thenDeleteWithConfirmation() {
        signIn(token);
        String account = connectStripe("Stripe to edit");
        find("a[href$='/edit']").click();
        assertThat(find("#cred-api_key").getAttribute("value")).isEmpty();
        find("#label").clear();
        find("#label").sendKeys("Stripe renamed");
        find("form.stack button[type=submit]").click();
        assertThat(find("h1").getText()).isEqualTo("Stripe renamed");
        assertThat(text()).contains("Account saved");

        find("a[href$='/servers/new']").click();
        find("#name").sendKeys("Expiring");
        find("#server-form button[type=submit]").click();
        find("#created-url");
        open("/ui/accounts/" + account);
        find("a[href$='/edit'][href*='/servers/']").click();
        assertThat(find("#name").getAttribute("value")).isEqualTo("Expiring");
        find("input[name=methods][value=read]").click();
        find("#server-form button[type=submit]").click();
        awaitNotice("MCP server saved");
        assertThat(text()).contains("Expiring").contains("read");

        String later = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                .plusDays(2)
                .withSecond(0)
                .withNano(0)
                .toString();
        browser.driver.executeScript("arguments[0].value = arguments[1]", find("input[type=datetime-local]"), later);
        find("form[action$='/expiry'] button[type=submit]").click();
        awaitNotice("Expiry changed");
        assertThat(text()).contains(later.replace('T', ' ').substring(0, 16) + " UTC");

        find("a[href$='/delete']").click();
        assertThat(text()).contains("revokes its 1 MCP server(s)");
        find("form[action$='/delete'] button[type=submit]").click();
        awaitNotice("Account deleted");
        assertThat(text()).doesNotContain("Stripe renamed");
    }

    @Test
    void signIn_withBadToken_showsErrorNextToTheField() {
        signIn("f".repeat(64));
        WebElement error = find("#token-error");
        assertThat(error.getText()).contains("not valid");
        assertThat(find("#token").getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("07-sign-in-error");
    }

    @Test
    void createServer_formErrors_areShownNextToTheirFields() {
        signIn(token);
        connectStripe("Stripe for errors");
        find("a[href$='/servers/new']").click();
        find("input[name=methods][value=write]").click();
        find("input[name=tags][value=balance]").click();
        // Typing into datetime-local depends on the browser's locale; set the value as a user's picker would.
        browser.driver.executeScript("arguments[0].value = '2020-01-01T00:00'", find("#expires_at"));
        find("#server-form button[type=submit]").click();

        assertThat(find("#name-error").getText()).isNotBlank();
        assertThat(find("#expires_at-error").getText()).contains("60");
        assertThat(find("p.error[role=alert]").getText()).contains("leave no tool");
        assertThat(find("#name").getAttribute("aria-invalid")).isEqualTo("true");
        browser.screenshot("08-form-errors");
    }

    @Test
    void connectAccount_missingCredential_isShownNextToTheField() {
        signIn(token);
        find("a[href='/ui/accounts/new']").click();
        find("#label").sendKeys("No key");
        find("form.stack button[type=submit]").click();
        assertThat(find("#cred-api_key-error").getText()).isNotBlank();
    }

    @Test
    void postWithoutTheSessionsCsrfToken_isRefusedWith403() throws Exception {
        signIn(token);
        find("h1");
        Cookie session = browser.driver.manage().getCookieNamed(UiRequests.COOKIE);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");

        HttpRequest forged = HttpRequest.newBuilder(URI.create(gate.baseUrl() + "/ui/accounts"))
                .header("Cookie", UiRequests.COOKIE + "=" + session.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("integration=stripe&label=x&csrf=wrong"))
                .build();
        var response = HttpClient.newHttpClient().send(forged, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("did not come from this dashboard");
    }

    @Test
    void narrowWindow_hasNoHorizontalScroll_andKeyboardReachesTheMainAction() {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        signIn(token);
        find("h1");
        Object overflow = browser.driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        browser.screenshot("09-narrow");

        var body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 10 && !"Connect an account".equals(focused()); i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(focused()).isEqualTo("Connect an account");
    }

    private String focused() {
        return browser.driver.switchTo().activeElement().getText();
    }

    private static int ping(String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replace("localhost", "127.0.0.1")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
