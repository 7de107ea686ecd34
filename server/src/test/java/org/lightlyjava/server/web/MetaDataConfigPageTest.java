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

/**
 * The samples grid in headless Chromium offers the keys of the dataset's custom metadata
 * configurations for sorting and filtering, under their display names and types; keys it cannot
 * sort by (text, paths with an index) are shown disabled with the reason. A sample's page lists the
 * configured keys by name, with the default where the sample has no value.
 */
class MetaDataConfigPageTest extends ServerTestBase {

    private Browser browser;
    private ImageDataset dataset;

    @BeforeAll
    void openBrowser() {
        dataset = ImageDataset.upload(alice, "configured", 6);
        Response r =
                alice.postRaw(
                        "/v1/datasets/" + dataset.id + "/configuration/metadata",
                        "{\"name\": \"Weather\", \"configs\": [{\"name\": \"Temperature\","
                                + " \"path\": \"weather.temp\", \"defaultValue\": 0,"
                                + " \"valueDataType\": \"NUMERIC_INT\"}, {\"name\": \"Sky\","
                                + " \"path\": \"weather.sky\", \"defaultValue\": \"clear\","
                                + " \"valueDataType\": \"CATEGORICAL_STRING\"}]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void configuredKeys_areOfferedByName_andSortAndFilterTheGrid() throws Exception {
        browser.signIn(alice.base(), alice.token());
        browser.driver.get(alice.base() + "/?load=1#/d/" + dataset.id + "/samples");
        browser.waitFor("#grid");

        WebElement temp =
                browser.waitFor("#sort optgroup[label='custom metadata']")
                        .findElement(By.cssSelector("option[value='custom.weather.temp']"));
        assertThat(temp.getAttribute("text")).isEqualTo("Temperature (whole number)");
        assertThat(temp.isEnabled()).isTrue();
        WebElement sky =
                browser.driver.findElement(
                        By.cssSelector("#filter-field option[value='custom.weather.sky']"));
        assertThat(sky.getAttribute("text")).isEqualTo("Sky (category, text), not sortable");
        assertThat(sky.getAttribute("title")).contains("only numbers");
        assertThat(sky.isEnabled()).isFalse();

        new Select(browser.driver.findElement(By.id("sort"))).selectByValue("custom.weather.temp");
        new Select(browser.driver.findElement(By.id("order"))).selectByValue("desc");
        new Select(browser.driver.findElement(By.id("filter-field")))
                .selectByValue("custom.weather.temp");
        browser.driver.findElement(By.id("filter-min")).sendKeys("1");
        browser.driver.findElement(By.id("filter-max")).sendKeys("3");
        browser.driver.findElement(By.cssSelector(".controls button[type=submit]")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("#grid a.thumb")).size() == 3);

        List<String> names = new ArrayList<>();
        for (WebElement name : browser.driver.findElements(By.cssSelector("#grid .name"))) {
            names.add(name.getText());
        }
        assertThat(names).containsExactly("pic_03.jpg", "pic_02.jpg", "pic_01.jpg");
        assertThat(browser.driver.findElement(By.cssSelector("#grid .value")).getText())
                .isEqualTo("Temperature 3");
        assertThat(
                        new Select(browser.waitFor("#sort"))
                                .getFirstSelectedOption()
                                .getAttribute("value"))
                .isEqualTo("custom.weather.temp");
        assertThat(browser.driver.findElement(By.id("sort-custom")).getAttribute("value"))
                .isEmpty();
        browser.screenshot("metadata-configuration-sort");

        browser.waitFor("#grid a.thumb").click();
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.waitFor("#configured").findElements(By.tagName("tr"))) {
            rows.add(row.getText());
        }
        assertThat(rows).containsExactly("Temperature 3", "Sky clear (default)");
        browser.screenshot("metadata-configuration-sample");
    }
}
