package org.lightlyjava.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lightlyjava.api.model.SampleBatchRequest;
import org.lightlyjava.api.model.SampleBatchResponse;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.S3TestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page with a broken datasource, in headless Chromium against a real server and S3Proxy: a
 * thumbnail the server holds still shows, a tile the bucket refuses says why (S3's reason and the
 * key) instead of staying blank, the datasource form warns, and Remove (after its confirmation)
 * takes the datasource away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatasourceWebPageTest extends S3TestBase {

    private Browser browser;
    private String ds;
    private String bucket;

    @BeforeAll
    void brokenDatasource() throws IOException {
        ds = newDataset();
        SampleBatchResponse.Item kept = batch("thumbnail", "kept.jpg");
        assertThat(Api.putUrl(kept.thumbWriteUrl(), png()).status()).isEqualTo(200);
        bucket = newBucket();
        s3.put(bucket, "p/lost.jpg", png());
        s3.put(bucket, "p/.lightly/thumbnails/lost_thumb.jpg", png());
        Map<String, Object> broken = s3Config("s3://" + bucket + "/p/");
        broken.put("s3SecretAccessKey", "wrong-secret-wrong-secret");
        setDatasource(alice, ds, broken);
        batch("none", "lost.jpg");
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private SampleBatchResponse.Item batch(String mode, String fileName) {
        Response r =
                alice.post(
                        "/v1/datasets/" + ds + "/samples/batch",
                        new SampleBatchRequest(List.of(Fixtures.sample(fileName)), mode));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(SampleBatchResponse.class).samples().get(0);
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 16; i++) {
            image.setRGB(i, i, 0xff8800);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private WebElement tile(String fileName) {
        return browser.driver
                .findElement(By.cssSelector("#grid img[alt='" + fileName + "']"))
                .findElement(By.xpath("./.."));
    }

    @Test
    @Order(1)
    void grid_showsWhatTheServerHolds_andSaysWhyTheBucketsTileCannotShow() throws Exception {
        browser.signIn(alice.base(), alice.token());
        browser.driver.get(alice.base() + "/?reload=1#/d/" + ds + "/samples");
        browser.waitFor("#grid");
        WebElement why = browser.waitFor("#grid .why");
        assertThat(why.getText())
                .contains("SignatureDoesNotMatch")
                .contains("key p/.lightly/thumbnails/lost_thumb.jpg");
        assertThat(tile("lost.jpg").findElement(By.className("why")).getText())
                .isEqualTo(why.getText());
        browser.wait.until(
                d ->
                        (Boolean)
                                browser.js(
                                        "const i = document.querySelector(\"#grid"
                                                + " img[alt='kept.jpg']\");"
                                                + " return i.complete && i.naturalWidth > 0;"));
        assertThat(tile("kept.jpg").findElements(By.className("why"))).isEmpty();
        browser.screenshot("datasource-broken-grid");
    }

    @Test
    @Order(2)
    void datasourceForm_warnsThatImagesCannotShow_thenRemoveTakesItAway() throws Exception {
        browser.driver.get(alice.base() + "/?reload=2#/d/" + ds + "/datasource");
        browser.waitFor("#ds-verify").click();
        assertThat(browser.waitFor("#ds-warning").getText()).contains("List or Read is red");
        browser.screenshot("datasource-broken-form");

        browser.waitFor("#ds-remove").click();
        browser.wait.until(ExpectedConditions.alertIsPresent());
        assertThat(browser.driver.switchTo().alert().getText()).contains("samples, tags");
        browser.driver.switchTo().alert().accept();
        browser.wait.until(d -> alice.get("/v1/datasets/" + ds + "/datasource").status() == 404);
        assertThat(browser.waitFor("#ds-remove").isEnabled()).isFalse();
        assertThat(alice.get("/v1/datasets/" + ds + "/samples").json()).hasSize(2);

        browser.driver.get(alice.base() + "/?reload=3#/d/" + ds + "/samples");
        WebElement why = browser.waitFor("#grid .why");
        assertThat(why.getText()).contains("never uploaded");
        assertThat(s3.keys(bucket)).hasSize(2);
    }

    @Test
    @Order(3)
    void theFormSavesDelegatedAccess_andALightSaysWhyTheRoleCannotBeAssumed() throws Exception {
        String other = newDataset();
        String role = "arn:aws:iam::123456789012:role/lightly-web";
        browser.driver.get(alice.base() + "/?reload=4#/d/" + other + "/datasource");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#ds-type"))
                .selectByValue("S3DelegatedAccess");
        assertThat(browser.driver.findElement(By.id("ds-key-id")).isDisplayed()).isFalse();
        browser.waitFor("#ds-full-path").sendKeys("s3://" + bucket + "/p/");
        browser.waitFor("#ds-region").sendKeys("eu-central-1");
        browser.waitFor("#ds-role-arn").sendKeys(role);
        browser.waitFor("#ds-external-id").sendKeys("web-external-0001");
        browser.waitFor("#ds-endpoint").sendKeys(s3.endpoint());
        browser.driver.findElement(By.id("ds-save")).click();
        WebElement list = browser.waitFor("#lights [data-light=canList]");
        assertThat(list.getAttribute("class")).isEqualTo("red");
        // which reason depends on the machine's own AWS identity (here usually none at all)
        assertThat(list.findElement(By.className("reason")).getText()).contains(role);
        assertThat(browser.waitFor("#ds-remove").isEnabled()).as("Remove, once saved").isTrue();
        assertThat(browser.waitFor("#ds-warning").isDisplayed()).isTrue();
        browser.screenshot("datasource-delegated-form");
        var stored = alice.get("/v1/datasets/" + other + "/datasource").json();
        assertThat(stored.get("type").asText()).isEqualTo("S3DelegatedAccess");
        assertThat(stored.get("s3ARN").asText()).isEqualTo(role);
        assertThat(stored.get("s3ExternalId").asText()).isEqualTo("web-external-0001");
    }
}
