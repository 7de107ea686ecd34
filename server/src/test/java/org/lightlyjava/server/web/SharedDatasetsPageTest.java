package org.lightlyjava.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.ImageDataset;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A dataset shared with another user, in headless Chromium: it is in their datasets list with the
 * mark "shared · read", its thumbnails load for them, and once the owner revokes the share it is
 * gone from the list at the next load; the owner shares and unshares on the Sharing tab, which only
 * the owner has.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedDatasetsPageTest extends ServerTestBase {

    private Browser browser;
    private ImageDataset shared;
    private int loads;

    @BeforeAll
    void openBrowser() {
        shared = ImageDataset.upload(alice, "alice-pictures", 3);
        Fixtures.dataset(bob, "bob-own");
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void share(String accessType, List<String> users) {
        Response r =
                alice.post(
                        "/v1/datasets/" + shared.id + "/collaboration/access",
                        Fixtures.body("accessType", accessType, "users", users));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private List<String> listedNames() {
        browser.waitFor("#datasets");
        return browser
                .driver
                .findElements(By.cssSelector("#datasets tbody td:first-child a"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    private void reload() {
        browser.driver.get(bob.base() + "/?load=" + ++loads + "#/");
    }

    @Test
    @Order(1)
    void theSharedDataset_isListedWithItsRole_andGoesWhenRevoked() throws Exception {
        share("READ", List.of("bob"));
        browser.driver.get(bob.base() + "/");
        browser.waitFor("#token").sendKeys(bob.token());
        browser.driver.findElement(By.cssSelector("#signin button[type=submit]")).click();

        assertThat(listedNames()).containsExactlyInAnyOrder("alice-pictures", "bob-own");
        List<WebElement> marks =
                browser.driver.findElements(By.cssSelector("#datasets .badge.shared"));
        assertThat(marks).hasSize(1);
        assertThat(marks.get(0).getText()).isEqualTo("shared · read");
        WebElement markedRow = marks.get(0).findElement(By.xpath("./ancestor::tr"));
        assertThat(markedRow.getText()).contains("alice-pictures");
        browser.screenshot("shared-1-list");

        browser.driver.findElement(By.linkText("alice-pictures")).click();
        browser.waitFor("#grid");
        browser.wait.until(
                d ->
                        (Boolean)
                                browser.js(
                                        "const imgs = [...document.querySelectorAll('#grid"
                                                + " img')]; return imgs.length === 3 &&"
                                                + " imgs.every(i => i.complete && i.naturalWidth"
                                                + " > 0);"));
        assertThat(browser.waitFor(".dataset-head .badge.shared").getText())
                .isEqualTo("shared · read");
        assertThat(browser.driver.findElements(By.linkText("Sharing"))).isEmpty();
        browser.screenshot("shared-2-grid");

        share("WRITE", List.of("bob"));
        reload();
        browser.waitFor("#datasets .badge.shared[data-role=write]");

        share("WRITE", List.of());
        reload();
        assertThat(listedNames()).containsExactly("bob-own");
        assertThat(browser.driver.findElements(By.cssSelector("#datasets .badge"))).isEmpty();
        browser.driver.get(bob.base() + "/?load=" + ++loads + "#/d/" + shared.id);
        assertThat(browser.waitFor("main .error").getText()).contains("does not exist");
        browser.screenshot("shared-3-revoked");
    }

    @Test
    @Order(2)
    void theOwner_sharesAndUnsharesOnTheSharingTab() throws Exception {
        Api carol = alice.as(server.server().issueToken("carol"));
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(alice.base() + "/?load=" + ++loads + "#/d/" + shared.id + "/sharing");
        browser.waitFor("#token").sendKeys(alice.token());
        browser.driver.findElement(By.cssSelector("#signin button[type=submit]")).click();
        browser.waitFor("#share-none");

        browser.waitFor("#share-users").sendKeys("carol, bob");
        new Select(browser.driver.findElement(By.id("share-role"))).selectByValue("WRITE");
        browser.driver.findElement(By.cssSelector("#share-form button[type=submit]")).click();
        browser.waitFor("#shares tr[data-user=bob][data-role=write]");
        assertThat(
                        browser.driver.findElements(By.cssSelector("#shares tbody tr")).stream()
                                .map(row -> row.getAttribute("data-user"))
                                .toList())
                .containsExactly("carol", "bob");
        assertThat(carol.get("/v1/datasets?shared=true").json().findValuesAsText("id"))
                .containsExactly(shared.id);
        browser.screenshot("shared-4-owner-tab");

        browser.driver
                .findElement(By.cssSelector("#shares tr[data-user=carol] button.link"))
                .click();
        browser.wait.until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("#shares tbody tr"), 1));
        assertThat(carol.get("/v1/datasets/" + shared.id).status()).isEqualTo(404);
        assertThat(bob.get("/v1/datasets/" + shared.id).json().get("accessType").asText())
                .isEqualTo("WRITE");
    }
}
