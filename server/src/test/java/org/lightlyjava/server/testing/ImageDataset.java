package org.lightlyjava.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.api.model.SampleCreateRequest;
import org.lightlyjava.api.model.SampleWriteUrls;

/**
 * A dataset made as lightly-magic makes one, through the API: real JPEG images (a colour each) with
 * PNG thumbnails, Lightly's metadata ({@code sharpness} rising with the index), EXIF, custom
 * metadata {@code {"weather": {"temp": i}}}, the initial tag, and an embedding in two clusters
 * (indices below half on one side of the first axis, the rest on the other).
 */
public final class ImageDataset {

    public final String id;
    public final List<String> sampleIds = new ArrayList<>();
    public final List<String> fileNames = new ArrayList<>();
    public final String initialTagId;
    public final String embeddingId;

    private ImageDataset(Api api, String name, int n) {
        id = Fixtures.dataset(api, name);
        for (int i = 0; i < n; i++) {
            String fileName = String.format("pic_%02d.jpg", i);
            fileNames.add(fileName);
            sampleIds.add(upload(api, i, n, fileName));
        }
        initialTagId =
                api.post(
                                "/v1/datasets/" + id + "/tags/initial",
                                Fixtures.body("imgType", "thumbnail", "creator", "USER_PIP"))
                        .json()
                        .get("id")
                        .asText();
        embeddingId = embeddings(api, n);
    }

    /** Uploads {@code n} images to a new dataset of the API's user. */
    public static ImageDataset upload(Api api, String name, int n) {
        return new ImageDataset(api, name, n);
    }

    private String upload(Api api, int i, int n, String fileName) {
        byte[] full = image(640, 480, i, n, "jpg");
        ObjectNode meta = (ObjectNode) Fixtures.metaData(full.length);
        meta.put("sharpness", 10.0 * i);
        meta.put("snr", 1.0 + i);
        ObjectNode exif = ApiJson.mapper().createObjectNode();
        exif.put("Make", "lightly-java test camera");
        exif.put("Orientation", 1);
        ObjectNode custom = ApiJson.mapper().createObjectNode();
        custom.putObject("weather").put("temp", i);
        Response created =
                api.post(
                        "/v1/datasets/" + id + "/samples",
                        new SampleCreateRequest(
                                fileName, Fixtures.thumbName(fileName), exif, meta, custom));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String sampleId = created.json().get("id").asText();
        SampleWriteUrls urls =
                api.get("/v1/datasets/" + id + "/samples/" + sampleId + "/writeurls")
                        .as(SampleWriteUrls.class);
        assertThat(Api.putUrl(urls.full(), full).status()).isEqualTo(200);
        assertThat(Api.putUrl(urls.thumb(), image(128, 96, i, n, "png")).status()).isEqualTo(200);
        return sampleId;
    }

    private String embeddings(Api api, int n) {
        Response url = api.get("/v1/datasets/" + id + "/embeddings/writeCSVUrl?name=default");
        StringBuilder csv =
                new StringBuilder("filenames,embedding_0,embedding_1,embedding_2,labels\n");
        for (int i = 0; i < n; i++) {
            double side = i < n / 2 ? -1 : 1;
            csv.append(fileNames.get(i))
                    .append(',')
                    .append(side * (2 + 0.1 * i))
                    .append(',')
                    .append(0.2 * (i % 3))
                    .append(',')
                    .append(0.1 * (i % 2))
                    .append(",0\n");
        }
        Response put =
                Api.putUrl(
                        url.json().get("signedWriteUrl").asText(),
                        csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return url.json().get("embeddingId").asText();
    }

    /** A picture: a hue of its own and a bright square, so every image differs. */
    static byte[] image(int width, int height, int i, int n, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.getHSBColor((float) i / n, 0.6f, 0.8f));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 4, height / 4, width / 3, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
