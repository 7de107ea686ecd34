package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lightly's COCO-like custom metadata file (reference §9): {@code images} ({@code id}, {@code
 * file_name}) and {@code metadata} (objects with {@code image_id}); each metadata object is stored
 * verbatim, {@code image_id} included, as the sample's {@code customMetaData}.
 */
final class CustomMetadata {

    private static final Logger log = LoggerFactory.getLogger(CustomMetadata.class);
    private static final ObjectMapper JSON = ApiJson.mapper();

    private CustomMetadata() {}

    /** File name to its custom metadata object. */
    static Map<String, JsonNode> load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ToolException(
                    ExitCode.CONFIG, "custom_metadata=" + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ToolException(
                    ExitCode.CONFIG, "custom_metadata=" + file + ": not a JSON object");
        }
        for (String key : List.of("images", "metadata")) {
            if (!root.has(key) || !root.get(key).isArray()) {
                List<String> found = new ArrayList<>();
                root.fieldNames().forEachRemaining(found::add);
                throw new ToolException(
                        ExitCode.CONFIG,
                        "custom_metadata="
                                + file
                                + ": Key "
                                + key
                                + " not found in custom metadata. Found keys: "
                                + found);
            }
        }
        Map<Long, String> names = new HashMap<>();
        for (JsonNode image : root.get("images")) {
            if (image.hasNonNull("id") && image.hasNonNull("file_name")) {
                names.put(image.get("id").asLong(), image.get("file_name").asText());
            }
        }
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode entry : root.get("metadata")) {
            String name =
                    entry.hasNonNull("image_id") ? names.get(entry.get("image_id").asLong()) : null;
            if (name == null) {
                log.warn(
                        "No image found for custom metadata annotation with image_id {}; skipped",
                        entry.get("image_id"));
                continue;
            }
            out.put(name, entry);
        }
        log.info("Loaded custom metadata for {} images from {}", out.size(), file);
        return out;
    }
}
