package org.lightlyjava.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lightlyjava.server.testing.ImageDataset;
import org.lightlyjava.server.testing.Response;
import org.lightlyjava.server.testing.ServerTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The grid sorted and filtered by an active-learning score, in headless Chromium. */
class ScoresWebPageTest extends ServerTestBase {

    private Browser browser;
    private ImageDataset dataset;
    private String scoreId;

    @BeforeAll
    void datasetWithScores() {
        dataset = ImageDataset.upload(alice, "scored pictures", 6);
        Response r =
                alice.postRaw(
                        "/v1/datasets/" + dataset.id + "/tags/" + dataset.initialTagId + "/scores",
                        "{\"scoreType\": \"uncertainty_entropy\","
                                + " \"scores\": [0.3, 0.9, 0.1, 0.7, 0.5, 0.2]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        scoreId = r.json().get("id").asText();
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theGrid_sortsByAScore_andFiltersItsRange() throws Exception {
        browser.signIn(alice.base(), alice.token());
        browser.driver.get(alice.base() + "/?load=1#/d/" + dataset.id + "/samples");
        Select sort = new Select(browser.waitFor("#sort"));
        assertThat(sort.getOptions())
                .extracting(WebElement::getText)
                .contains("score uncertainty_entropy (initial-tag)");
        sort.selectByValue("score." + scoreId);
        new Select(browser.driver.findElement(By.id("order"))).selectByValue("desc");
        new Select(browser.driver.findElement(By.id("filter-field")))
                .selectByValue("score." + scoreId);
        browser.driver.findElement(By.id("filter-min")).sendKeys("0.25");
        browser.driver.findElement(By.cssSelector(".controls button[type=submit]")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("#grid a.thumb")).size() == 4);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (WebElement card : browser.driver.findElements(By.cssSelector("#grid figcaption"))) {
            names.add(card.findElement(By.cssSelector(".name")).getText());
            values.add(card.findElement(By.cssSelector(".value")).getText());
        }
        assertThat(names).containsExactly("pic_01.jpg", "pic_03.jpg", "pic_04.jpg", "pic_00.jpg");
        assertThat(values).containsExactly("0.900", "0.700", "0.500", "0.300");
        assertThat(browser.driver.getCurrentUrl())
                .contains("sort=score." + scoreId)
                .contains("filter=score." + scoreId + "%3A0.25%3A");
        browser.screenshot("scores-grid");
    }
}
