package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lightly's COCO-like custom metadata file (reference §9): {@code images} ({@code id}, {@code
 * file_name}) and {@code metadata} (objects with {@code image_id}); each metadata object is stored
 * verbatim, {@code image_id} included, as the sample's {@code customMetaData}.
 *
 * <p>The whole file is checked when it is loaded, before a dataset is created or a sample sent: a
 * malformed file is refused with the first problem it has, and entries that name no image are
 * reported with their count and examples.
 */
final class CustomMetadata {

    private static final Logger log = LoggerFactory.getLogger(CustomMetadata.class);
    private static final ObjectMapper JSON = ApiJson.mapper();
    private static final int EXAMPLES = 3;

    private CustomMetadata() {}

    /**
     * File name to its custom metadata object.
     *
     * @throws ToolException ({@link ExitCode#CONFIG}) when the file is not valid
     */
    static Map<String, JsonNode> load(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw invalid(file, FileProblems.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "not a JSON object");
        }
        for (String key : List.of("images", "metadata")) {
            if (!root.has(key) || !root.get(key).isArray()) {
                List<String> found = new ArrayList<>();
                root.fieldNames().forEachRemaining(found::add);
                throw invalid(
                        file, "Key " + key + " not found in custom metadata. Found keys: " + found);
            }
        }
        Map<Long, String> names = images(file, root.get("images"));
        Map<String, JsonNode> out = new HashMap<>();
        Set<String> unknownIds = new TreeSet<>();
        int index = 0;
        for (JsonNode entry : root.get("metadata")) {
            if (!entry.isObject()
                    || !entry.has("image_id")
                    || !entry.get("image_id").canConvertToExactIntegral()) {
                throw invalid(file, "metadata[" + index + "] has no integer image_id");
            }
            long imageId = entry.get("image_id").asLong();
            String name = names.get(imageId);
            if (name == null) {
                unknownIds.add(String.valueOf(imageId));
            } else if (out.put(name, entry) != null) {
                throw invalid(
                        file,
                        "more than one metadata entry for image_id " + imageId + " (" + name + ")");
            }
            index++;
        }
        if (!unknownIds.isEmpty()) {
            log.warn(
                    "custom_metadata={}: {} metadata entries have an image_id that no image has "
                            + "(e.g. {}); they are not uploaded.",
                    file,
                    unknownIds.size(),
                    examples(unknownIds));
        }
        log.info("Loaded custom metadata for {} images from {}", out.size(), file);
        return out;
    }

    /** The {@code images} list as id to file name; every entry needs both, ids unique. */
    private static Map<Long, String> images(Path file, JsonNode images) {
        Map<Long, String> names = new HashMap<>();
        int index = 0;
        for (JsonNode image : images) {
            if (!image.isObject()
                    || !image.has("id")
                    || !image.get("id").canConvertToExactIntegral()
                    || !image.hasNonNull("file_name")
                    || !image.get("file_name").isTextual()) {
                throw invalid(
                        file, "images[" + index + "] needs an integer id and a string file_name");
            }
            long id = image.get("id").asLong();
            String previous = names.put(id, image.get("file_name").asText());
            if (previous != null) {
                throw invalid(file, "two images have the id " + id);
            }
            index++;
        }
        return names;
    }

    /**
     * The file names of {@code custom} that are not among {@code names}, reported with their count
     * and examples.
     *
     * @param where where the names come from, for the message (e.g. "in input_dir")
     * @return those file names
     */
    static Set<String> unknown(
            Map<String, JsonNode> custom, Collection<String> names, String where) {
        Set<String> known = names instanceof Set<String> set ? set : new HashSet<>(names);
        Set<String> unknown = new TreeSet<>();
        for (String name : custom.keySet()) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            log.warn(
                    "custom_metadata has entries for {} file names that are not {} (e.g. {}); "
                            + "they are not uploaded.",
                    unknown.size(),
                    where,
                    examples(unknown));
        }
        return unknown;
    }

    private static String examples(Set<String> values) {
        return String.join(", ", values.stream().limit(EXAMPLES).toList());
    }

    private static ToolException invalid(Path file, String problem) {
        return new ToolException(ExitCode.CONFIG, "custom_metadata=" + file + ": " + problem);
    }
}
