package org.lightlyjava.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.Azurite;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.ServerTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web page's datasource form for AZURE (saved against Azurite, lights green) and GCS (a stored
 * one shown without its key file), in headless Chromium.
 */
class CloudDatasourceFormTest extends ServerTestBase {

    private Browser browser;
    private Azurite azurite;
    private int loads;

    @BeforeAll
    void open() {
        azurite = Azurite.start();
        browser = Browser.start();
        newDataset(); // the list the page shows after signing in
        browser.signIn(alice.base(), alice.token());
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (azurite != null) {
            azurite.close();
        }
    }

    private void go(String hash) {
        browser.driver.get(alice.base() + "/?load=" + ++loads + "#" + hash);
    }

    @Test
    void anAzureDatasource_isSavedFromTheForm_andItsLightsTurnGreen() throws IOException {
        azurite.createContainer("web-form");
        azurite.put("web-form", "farm/cow.jpg", new byte[] {1, 2, 3});
        String sas = azurite.containerSas("web-form", "racwdl");
        String ds = newDataset();
        go("/d/" + ds + "/datasource");
        new Select(browser.waitFor("#ds-type")).selectByValue("AZURE");
        browser.waitFor("#ds-azure-path").sendKeys("web-form/farm");
        browser.waitFor("#ds-azure-account").sendKeys(Azurite.ACCOUNT);
        browser.waitFor("#ds-azure-key").sendKeys(sas);
        browser.waitFor("#ds-azure-endpoint").sendKeys(azurite.endpoint());
        browser.driver.findElement(By.id("ds-save")).click();
        browser.waitFor("#lights");
        for (String light : List.of("canList", "canRead", "canWrite", "canOverwrite")) {
            WebElement li =
                    browser.driver.findElement(By.cssSelector("[data-light=" + light + "]"));
            assertThat(li.getAttribute("class")).as(light).isEqualTo("green");
        }
        browser.screenshot("cloud-azure-datasource");
        assertThat(browser.driver.findElement(By.id("ds-azure-key")).getAttribute("value"))
                .isEmpty();
        JsonNode stored = alice.get("/v1/datasets/" + ds + "/datasource").json();
        assertThat(stored.get("type").asText()).isEqualTo("AZURE");
        assertThat(stored.get("fullPath").asText()).isEqualTo("web-form/farm/");
    }

    @Test
    void aStoredGcsDatasource_showsItsFields_butNeverItsKeyFile() throws IOException {
        String key;
        try (InputStream in =
                getClass()
                        .getResourceAsStream(
                                "/gcs-v4-conformance/test_service_account.not-a-test.json")) {
            key = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String ds = newDataset();
        Map<String, Object> gcs =
                Fixtures.body(
                        "type",
                        "GCS",
                        "fullPath",
                        "gs://web-bucket/pics/",
                        "gcsProjectId",
                        "dummy-project-id",
                        "gcsCredentials",
                        key);
        assertThat(alice.put("/v1/datasets/" + ds + "/datasource", gcs).status()).isEqualTo(200);
        go("/d/" + ds + "/datasource");
        assertThat(browser.waitFor("#ds-gcs-project").getAttribute("value"))
                .isEqualTo("dummy-project-id");
        assertThat(browser.waitFor("#ds-gcs-path").getAttribute("value"))
                .isEqualTo("gs://web-bucket/pics/");
        assertThat(browser.waitFor("#ds-gcs-credentials").getAttribute("value")).isEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContain("PRIVATE KEY");
        assertThat(browser.driver.findElement(By.cssSelector(".azure-fields")).isDisplayed())
                .isFalse();
    }
}
