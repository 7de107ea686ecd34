package org.lightlyjava.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.server.BrowseRun;
import org.lightlyjava.server.LightlyServer;
import org.lightlyjava.server.ServerSettings;
import org.lightlyjava.server.testing.Api;
import org.lightlyjava.server.testing.Fixtures;
import org.lightlyjava.server.testing.ImageDataset;
import org.lightlyjava.server.testing.ServerTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web page in headless Chromium against a real server: sign in, thumbnails that load, a
 * sample's details, sorting and filtering, a box selection on the embedding map into a tag, tag
 * arithmetic, a CORESET selection, near-duplicates, the datasource form with its lights, and the
 * sign-in link of {@code lightly-server browse}. The steps run in order on one browser; screenshots
 * land in {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPageTest extends ServerTestBase {

    private static final int SAMPLES = 8;
    private static final String SECRET = "web-page-secret-never-shown";

    private Browser browser;
    private ImageDataset dataset;
    private int loads;

    @BeforeAll
    void openBrowser() {
        dataset = ImageDataset.upload(alice, "pictures", SAMPLES);
        browser = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Loads the page afresh at a route (the query only makes the address new). */
    private void go(String hash) {
        browser.driver.get(alice.base() + "/?load=" + ++loads + "#" + hash);
    }

    private String datasetHash(String rest) {
        return "/d/" + dataset.id + rest;
    }

    /** Whether every image the selector finds has loaded with pixels. */
    private boolean loaded(String css) {
        return (Boolean)
                browser.js(
                        "const imgs = [...document.querySelectorAll(arguments[0])];"
                                + " return imgs.length > 0"
                                + " && imgs.every(i => i.complete && i.naturalWidth > 0);",
                        css);
    }

    @Test
    @Order(1)
    void signIn_thenTheGridShowsThumbnailsThatLoad() throws Exception {
        browser.signIn(alice.base(), alice.token());
        assertThat(browser.driver.findElement(By.id("who")).getText()).isEqualTo("alice");
        browser.driver.findElement(By.linkText("pictures")).click();
        browser.waitFor("#grid");
        browser.wait.until(d -> loaded("#grid img"));
        assertThat(browser.driver.findElements(By.cssSelector("#grid img"))).hasSize(SAMPLES);
        assertThat(browser.driver.findElement(By.id("page-info")).getText())
                .contains(SAMPLES + " samples");
        browser.screenshot("1-grid");

        Cookie session = browser.driver.manage().getCookieNamed("lightly_session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getValue()).doesNotContain(alice.token());
        @SuppressWarnings("unchecked")
        List<String> requested =
                (List<String>)
                        browser.js(
                                "return performance.getEntriesByType('resource')"
                                        + ".map(e => e.name).concat([location.href]);");
        assertThat(requested).isNotEmpty().noneMatch(url -> url.contains(alice.token()));
        assertThat(browser.driver.getPageSource()).doesNotContain(alice.token());
    }

    @Test
    @Order(2)
    void aSample_showsItsImageMetadataExifAndCustomMetadata() throws Exception {
        go(datasetHash("/samples"));
        browser.waitFor("#grid a.thumb").click();
        browser.waitFor("#sample img.full");
        browser.wait.until(d -> loaded("#sample img.full"));
        Number width =
                (Number)
                        browser.js(
                                "return document.querySelector('#sample img.full').naturalWidth;");
        assertThat(width.intValue()).as("the full image, not the thumbnail").isEqualTo(640);
        assertThat(browser.waitFor("#exif").getText()).contains("lightly-java test camera");
        assertThat(browser.driver.findElement(By.id("meta")).getText()).contains("sharpness");
        assertThat(browser.driver.findElement(By.id("custom")).getText()).contains("\"temp\": 0");
        browser.screenshot("2-sample");
    }

    @Test
    @Order(3)
    void sortingAndFiltering_followTheMetadata() throws Exception {
        go(datasetHash("/samples"));
        new Select(browser.waitFor("#sort")).selectByValue("sharpness");
        new Select(browser.driver.findElement(By.id("order"))).selectByValue("desc");
        browser.driver.findElement(By.id("filter-custom")).sendKeys("weather.temp");
        browser.driver.findElement(By.id("filter-min")).sendKeys("2");
        browser.driver.findElement(By.id("filter-max")).sendKeys("5");
        browser.driver.findElement(By.cssSelector(".controls button[type=submit]")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("#grid a.thumb")).size() == 4);
        List<String> names = new ArrayList<>();
        for (WebElement name : browser.driver.findElements(By.cssSelector("#grid .name"))) {
            names.add(name.getText());
        }
        assertThat(names).containsExactly("pic_05.jpg", "pic_04.jpg", "pic_03.jpg", "pic_02.jpg");
    }

    @Test
    @Order(4)
    void aBoxOnTheMap_becomesATagOfThoseSamples_andALassoSelectsToo() throws Exception {
        go(datasetHash("/map"));
        WebElement map = browser.waitFor("#map");
        browser.wait.until(d -> map.getSize().getWidth() > 300);
        BitMask left = leftHalf();
        // from the top left corner to the middle of the bottom edge: the left half
        dragOnMap(0, 0, 0.5, 1);
        browser.wait.until(d -> selectedOnMap().equals(joined(left)));
        browser.screenshot("4-map-box");
        browser.driver.findElement(By.id("map-tag-name")).sendKeys("left half");
        browser.driver.findElement(By.id("map-create-tag")).click();
        browser.waitFor("#map-created");
        JsonNode tag = tagNamed("left half");
        assertThat(tag.get("bitMaskData").asText()).isEqualTo(left.toString());
        assertThat(tag.get("prevTagId").asText()).isEqualTo(dataset.initialTagId);

        // a lasso around the right half, then a box again with the lasso switched off
        browser.driver.findElement(By.id("map-lasso")).click();
        dragOnMap(0.5, 0, 1, 0, 1, 1, 0.5, 1);
        BitMask right = BitMask.all(SAMPLES).difference(left);
        browser.wait.until(d -> selectedOnMap().equals(joined(right)));
        assertThat(browser.driver.findElement(By.id("map-selected")).getText())
                .isEqualTo("4 selected");
        browser.driver.findElement(By.id("map-lasso")).click();
        dragOnMap(0, 0, 0.5, 1);
        browser.wait.until(d -> selectedOnMap().equals(joined(left)));

        // hovering over a point shows its thumbnail and file name
        int[] at = onScreen(3);
        new Actions(browser.driver).moveToLocation(at[0], at[1]).perform();
        WebElement tooltip = browser.waitFor(".tooltip");
        assertThat(tooltip.getText()).isEqualTo("pic_03.jpg");
        browser.wait.until(d -> loaded(".tooltip img"));
        browser.screenshot("4-map-hover");
    }

    /** Where the map draws a sample, in viewport pixels: the page's layout, from the 2D data. */
    private int[] onScreen(int index) {
        JsonNode pca = alice.get(twoD()).json().get(0);
        double[] xs = values(pca.get("coordinatesDimension1"));
        double[] ys = values(pca.get("coordinatesDimension2"));
        @SuppressWarnings("unchecked")
        List<Number> box =
                (List<Number>)
                        browser.js(
                                "const r = document.getElementById('map').getBoundingClientRect();"
                                        + " return [r.left, r.top, r.width, r.height];");
        double width = box.get(2).doubleValue();
        double height = box.get(3).doubleValue();
        double minX = Arrays.stream(xs).min().orElseThrow();
        double minY = Arrays.stream(ys).min().orElseThrow();
        double spanX = Arrays.stream(xs).max().orElseThrow() - minX;
        double spanY = Arrays.stream(ys).max().orElseThrow() - minY;
        double scale = Math.min((width - 36) / spanX, (height - 36) / spanY);
        double x = (width - scale * spanX) / 2 + (xs[index] - minX) * scale;
        double y = height - ((height - scale * spanY) / 2 + (ys[index] - minY) * scale);
        return new int[] {
            (int) Math.round(box.get(0).doubleValue() + x),
            (int) Math.round(box.get(1).doubleValue() + y)
        };
    }

    private static double[] values(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private String twoD() {
        return "/v1/datasets/" + dataset.id + "/embeddings/" + dataset.embeddingId + "/2d";
    }

    /**
     * Drags the mouse over the map through points given as fractions of its width and height (0: 8
     * px inside the left or top edge, 1: 8 px inside the other), in viewport pixels.
     */
    private void dragOnMap(double... fractions) {
        WebElement map = browser.driver.findElement(By.id("map"));
        browser.js("arguments[0].scrollIntoView({block: 'center'});", map);
        @SuppressWarnings("unchecked")
        List<Number> box =
                (List<Number>)
                        browser.js(
                                "const r = arguments[0].getBoundingClientRect();"
                                        + " return [r.left, r.top, r.width, r.height];",
                                map);
        double x0 = box.get(0).doubleValue() + 8;
        double y0 = box.get(1).doubleValue() + 8;
        double w = box.get(2).doubleValue() - 16;
        double h = box.get(3).doubleValue() - 16;
        Actions actions = new Actions(browser.driver);
        for (int i = 0; i < fractions.length; i += 2) {
            actions.moveToLocation(
                    (int) Math.round(x0 + fractions[i] * w),
                    (int) Math.round(y0 + fractions[i + 1] * h));
            if (i == 0) {
                actions.clickAndHold();
            }
        }
        actions.release().perform();
    }

    private String selectedOnMap() {
        Object selected =
                browser.js("return document.querySelector('.map-holder').dataset.selected || '';");
        return String.valueOf(selected);
    }

    private static String joined(BitMask mask) {
        return mask.indices().stream()
                .map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** The samples whose first PCA coordinate is below the middle of its range. */
    private BitMask leftHalf() {
        JsonNode xs = alice.get(twoD()).json().get(0).get("coordinatesDimension1");
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (JsonNode x : xs) {
            min = Math.min(min, x.asDouble());
            max = Math.max(max, x.asDouble());
        }
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i).asDouble() < (min + max) / 2) {
                left.add(i);
            }
        }
        assertThat(left).hasSize(SAMPLES / 2);
        return BitMask.of(left.stream().mapToInt(Integer::intValue).toArray());
    }

    private JsonNode tagNamed(String name) {
        for (JsonNode tag : alice.get("/v1/datasets/" + dataset.id + "/tags").json()) {
            if (tag.get("name").asText().equals(name)) {
                return tag;
            }
        }
        throw new AssertionError("no tag named " + name);
    }

    @Test
    @Order(5)
    void tags_showSizesAndLineage_andArithmeticMakesANewTag() throws Exception {
        go(datasetHash("/tags"));
        WebElement row = browser.waitFor("#tags tr[data-tag-name='left half']");
        assertThat(row.findElement(By.cssSelector(".size")).getText()).isEqualTo("4");
        new Select(browser.driver.findElement(By.id("arith-a"))).selectByVisibleText("initial-tag");
        new Select(browser.driver.findElement(By.id("arith-op"))).selectByValue("DIFFERENCE");
        new Select(browser.driver.findElement(By.id("arith-b"))).selectByVisibleText("left half");
        browser.driver.findElement(By.id("arith-name")).sendKeys("right half");
        browser.driver.findElement(By.cssSelector("#tags ~ section button[type=submit]")).click();
        WebElement right = browser.waitFor("#tags tr[data-tag-name='right half']");
        assertThat(right.findElement(By.cssSelector(".size")).getText()).isEqualTo("4");
        browser.screenshot("5-tags");

        right.findElement(By.cssSelector(".tag-name a")).click();
        browser.wait.until(d -> d.findElements(By.cssSelector("#grid a.thumb")).size() == 4);
        browser.wait.until(d -> loaded("#grid img"));
    }

    @Test
    @Order(6)
    void coreset_makesATagThatTheListShows() throws Exception {
        go(datasetHash("/select"));
        new Select(browser.waitFor("#select-method")).selectByValue("CORESET");
        WebElement n = browser.driver.findElement(By.id("select-n"));
        n.clear();
        n.sendKeys("3");
        browser.driver.findElement(By.id("select-name")).sendKeys("diverse three");
        browser.driver.findElement(By.id("select-run")).click();
        browser.wait.until(
                d ->
                        !d.findElements(By.id("select-result")).isEmpty()
                                || !d.findElements(By.cssSelector("#sampling + .result .error"))
                                        .isEmpty());
        browser.screenshot("6-coreset");
        assertThat(browser.driver.findElements(By.cssSelector(".result .error"))).isEmpty();
        go(datasetHash("/tags"));
        WebElement row = browser.waitFor("#tags tr[data-tag-name='diverse three']");
        assertThat(row.findElement(By.cssSelector(".size")).getText()).isEqualTo("3");
    }

    @Test
    @Order(7)
    void nearDuplicates_showTheirGroupsWithThumbnails() throws Exception {
        go(datasetHash("/select"));
        WebElement distance = browser.waitFor("#dup-max-distance");
        distance.clear();
        distance.sendKeys("1");
        browser.driver.findElement(By.id("dup-name")).sendKeys("to drop");
        browser.driver.findElement(By.id("dup-run")).click();
        browser.waitFor("#duplicate-groups .group");
        browser.wait.until(d -> loaded("#duplicate-groups img"));
        browser.screenshot("7-duplicates");
        assertThat(browser.driver.findElements(By.cssSelector("#duplicate-groups .group")))
                .as("the two clusters of the embedding")
                .hasSize(2);
        assertThat(BitMask.parse(tagNamed("to drop").get("bitMaskData").asText()).count())
                .as("all but one sample of each group")
                .isEqualTo(SAMPLES - 2);
        assertThat(browser.driver.findElement(By.id("dup-tag")).getText()).contains("6 samples");
    }

    @Test
    @Order(8)
    void theDatasourceForm_savesALocalFolderAndShowsItsLights() throws Exception {
        String other = Fixtures.dataset(alice, "elsewhere");
        Path folder = dataDir.resolve("local").resolve("pictures");
        Files.createDirectories(folder.resolve("empty"));
        Files.write(folder.resolve("pic_00.jpg"), new byte[] {1, 2, 3});
        go("/d/" + other + "/datasource");
        new Select(browser.waitFor("#ds-type")).selectByValue("LOCAL");
        browser.waitFor("#ds-local-path").sendKeys("pictures");
        browser.driver.findElement(By.id("ds-save")).click();
        browser.waitFor("#lights");
        for (String light : List.of("canList", "canRead", "canWrite", "canOverwrite")) {
            WebElement li =
                    browser.driver.findElement(By.cssSelector("[data-light=" + light + "]"));
            assertThat(li.getAttribute("class")).as(light).isEqualTo("green");
        }
        browser.screenshot("8-datasource");
        JsonNode stored = alice.get("/v1/datasets/" + other + "/datasource").json();
        assertThat(stored.get("type").asText()).isEqualTo("LOCAL");
        assertThat(stored.get("fullPath").asText()).isEqualTo("pictures/");

        // an empty folder cannot prove Read: a red light with its reason
        go("/d/" + other + "/datasource?purpose=INPUT");
        new Select(browser.waitFor("#ds-type")).selectByValue("LOCAL");
        browser.waitFor("#ds-local-path").sendKeys("pictures/empty");
        browser.driver.findElement(By.id("ds-save")).click();
        WebElement read = browser.waitFor("#lights [data-light=canRead]");
        assertThat(read.getAttribute("class")).isEqualTo("red");
        assertThat(read.findElement(By.className("reason")).getText()).isNotBlank();

        // an S3 datasource's secret is write-only: never in the form or the page
        Map<String, Object> s3 =
                Fixtures.body(
                        "purpose",
                        "LIGHTLY",
                        "type",
                        "S3",
                        "fullPath",
                        "s3://bucket/p/",
                        "s3Region",
                        "us-east-1",
                        "s3AccessKeyId",
                        "AKIAWEBTEST",
                        "s3SecretAccessKey",
                        SECRET);
        assertThat(alice.put("/v1/datasets/" + other + "/datasource", s3).status()).isEqualTo(200);
        go("/d/" + other + "/datasource?purpose=LIGHTLY");
        assertThat(browser.waitFor("#ds-key-id").getAttribute("value")).isEqualTo("AKIAWEBTEST");
        assertThat(browser.driver.findElement(By.id("ds-full-path")).getAttribute("value"))
                .isEqualTo("s3://bucket/p/");
        assertThat(browser.driver.findElement(By.id("ds-secret")).getAttribute("value")).isEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContain(SECRET);
    }

    @Test
    @Order(9)
    void theBitmasksOfThePage_equalJavas() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(round < 10 ? 70 : 20_000);
            List<Integer> indices = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (random.nextInt(3) == 0) {
                    indices.add(i);
                }
            }
            Object hex =
                    browser.driver.executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                    + " import('/web/bitmask.js').then(m => done("
                                    + "[m.toHex(arguments[0]), m.count(m.toHex(arguments[0])),"
                                    + " m.indicesOf(m.toHex(arguments[0])).length]));",
                            indices);
            BitMask java = BitMask.of(indices.stream().mapToInt(Integer::intValue).toArray());
            assertThat(hex)
                    .asList()
                    .containsExactly(java.toString(), (long) indices.size(), (long) indices.size());
        }
    }

    @Test
    @Order(10)
    void theLinkOfLightlyServerBrowse_signsIn_andLeavesNoSecretInTheAddress(@TempDir Path local)
            throws Exception {
        try (LightlyServer embedded =
                LightlyServer.start(ServerSettings.builder().dataDir(local).port(0).build())) {
            Fixtures.dataset(new Api(embedded.url(), embedded.issueToken("local")), "uploaded");
        }
        String stale;
        try (BrowseRun browse = BrowseRun.start(local)) {
            stale = browse.secret();
            browser.driver.get(browse.link());
            browser.waitFor("#datasets");
            assertThat(browser.driver.findElement(By.id("who")).getText()).isEqualTo("local");
            assertThat(browser.driver.findElement(By.linkText("uploaded")).isDisplayed()).isTrue();
            assertThat(browser.driver.getCurrentUrl())
                    .isEqualTo(browse.base() + "/")
                    .doesNotContain(browse.secret());
            assertThat(browser.js("return location.hash")).isEqualTo("");
            assertThat(browser.driver.getPageSource()).doesNotContain(browse.secret());
            browser.screenshot("10-browse-link");
            browser.driver.findElement(By.linkText("uploaded")).click();
            browser.waitFor("#grid");
            browser.driver.navigate().back();
            browser.waitFor("#datasets");
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("signin");
        }

        // the command stopped: its link is refused, and the page says what to do
        try (BrowseRun again = BrowseRun.start(local)) {
            browser.driver.get(again.base() + "/#signin=" + stale);
            assertThat(browser.waitFor("#signin p.muted").getText()).contains("no longer works");
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("signin");
        }
    }
}
