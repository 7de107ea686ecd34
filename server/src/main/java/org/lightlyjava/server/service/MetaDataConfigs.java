package org.lightlyjava.server.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.api.model.ConfigurationData;
import org.lightlyjava.api.model.ConfigurationEntry;
import org.lightlyjava.api.model.ConfigurationSetRequest;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.MetaDataConfigRecord;
import org.lightlyjava.server.store.MetaDataConfigStore;
import org.lightlyjava.server.store.MissingException;

/**
 * Custom metadata configurations (Lightly's {@code MetaDataConfigurationsApi}): named lists of the
 * keys of a dataset's {@code customMetaData}, each with a display name, a path, a default value and
 * one of Lightly's value types. A request is checked whole before anything is stored; the web page
 * offers the numeric keys for sorting and filtering.
 */
public final class MetaDataConfigs {

    /**
     * Lightly's {@code ConfigurationValueDataType}, each with the JSON values its default takes.
     */
    static final Map<String, Predicate<JsonNode>> TYPES =
            Map.of(
                    "NUMERIC_INT", JsonNode::isIntegralNumber,
                    "NUMERIC_FLOAT", JsonNode::isNumber,
                    "CATEGORICAL_STRING", JsonNode::isTextual,
                    "CATEGORICAL_INT", JsonNode::isIntegralNumber,
                    "CATEGORICAL_BOOLEAN", JsonNode::isBoolean,
                    "CATEGORICAL_DATETIME", JsonNode::isTextual,
                    "CATEGORICAL_TIMESTAMP", JsonNode::isNumber,
                    "OTHER_STRING", JsonNode::isTextual);

    static final int MAX_ENTRIES = 256;
    static final int MAX_TEXT = 256;

    /** Keys of letters, digits, {@code _} and {@code -}, joined by dots, each with {@code [n]}s. */
    private static final Pattern PATH =
            Pattern.compile(
                    "[A-Za-z0-9_-]+(\\[[0-9]{1,6}\\])*(\\.[A-Za-z0-9_-]+(\\[[0-9]{1,6}\\])*)*");

    private static final TypeReference<List<ConfigurationEntry>> ENTRIES = new TypeReference<>() {};

    private final MetaDataConfigStore store;
    private final Ids ids;
    private final Clock clock;

    MetaDataConfigs(MetaDataConfigStore store, Ids ids, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @return the new configuration's id
     */
    public String create(DatasetRecord dataset, ConfigurationSetRequest request) {
        String configs = checked(request);
        long now = clock.millis();
        MetaDataConfigRecord record =
                new MetaDataConfigRecord(
                        ids.next(), dataset.id(), request.name().strip(), configs, now, now);
        try {
            store.insert(record);
        } catch (MissingException e) {
            throw ApiProblem.notFound("DATASET_UNKNOWN", e.getMessage());
        }
        return record.id();
    }

    public List<ConfigurationData> list(DatasetRecord dataset) {
        return store.list(dataset.id()).stream().map(MetaDataConfigs::toData).toList();
    }

    /**
     * @throws ApiProblem 404 when the dataset has no such configuration
     */
    public ConfigurationData get(DatasetRecord dataset, String configurationId) {
        Ids.require(configurationId, "configurationId");
        return toData(
                store.find(dataset.id(), configurationId)
                        .orElseThrow(() -> unknown(configurationId)));
    }

    public void update(
            DatasetRecord dataset, String configurationId, ConfigurationSetRequest request) {
        Ids.require(configurationId, "configurationId");
        String configs = checked(request);
        if (!store.update(
                dataset.id(), configurationId, request.name().strip(), configs, clock.millis())) {
            throw unknown(configurationId);
        }
    }

    private static ApiProblem unknown(String configurationId) {
        return ApiProblem.notFound(
                "NOT_FOUND",
                "metadata configuration " + configurationId + " does not exist in this dataset");
    }

    /** The request's entries as the JSON text to store. */
    private static String checked(ConfigurationSetRequest request) {
        text(request.name(), "name");
        if (request.configs() == null) {
            throw ApiProblem.badRequest("configs is required (a list of entries)");
        }
        if (request.configs().size() > MAX_ENTRIES) {
            throw ApiProblem.badRequest("configs may hold at most " + MAX_ENTRIES + " entries");
        }
        List<ConfigurationEntry> entries = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < request.configs().size(); i++) {
            ConfigurationEntry entry = entry(request.configs().get(i), "configs[" + i + "]");
            if (!paths.add(entry.path())) {
                throw ApiProblem.badRequest(
                        "configs[" + i + "].path: " + entry.path() + " is configured twice");
            }
            entries.add(entry);
        }
        try {
            return ApiJson.mapper().writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigurationEntry entry(ConfigurationEntry e, String field) {
        if (e == null) {
            throw ApiProblem.badRequest(field + " must be an object, not null");
        }
        String name = text(e.name(), field + ".name");
        String path = text(e.path(), field + ".path");
        if (!PATH.matcher(path).matches()) {
            throw ApiProblem.badRequest(
                    field
                            + ".path must be keys of letters, digits, _ and - joined by dots, each"
                            + " optionally with [index], like weather.temperature or"
                            + " objects[0].label; got '"
                            + path
                            + "'");
        }
        Predicate<JsonNode> fits = TYPES.get(e.valueDataType());
        if (fits == null) {
            throw ApiProblem.badRequest(
                    field
                            + ".valueDataType must be one of "
                            + TYPES.keySet().stream().sorted().toList()
                            + ", got "
                            + (e.valueDataType() == null ? "none" : "'" + e.valueDataType() + "'"));
        }
        if (e.defaultValue() == null) {
            throw ApiProblem.badRequest(field + ".defaultValue is required (it may be null)");
        }
        if (!e.defaultValue().isNull() && !fits.test(e.defaultValue())) {
            throw ApiProblem.badRequest(
                    field
                            + ".defaultValue "
                            + Ids.shorten(e.defaultValue().toString())
                            + " is not a value of type "
                            + e.valueDataType());
        }
        return new ConfigurationEntry(name, path, e.defaultValue(), e.valueDataType());
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(field + " is required and must not be empty");
        }
        if (value.length() > MAX_TEXT) {
            throw ApiProblem.badRequest(field + " is longer than " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    private static ConfigurationData toData(MetaDataConfigRecord r) {
        List<ConfigurationEntry> entries;
        try {
            entries = ApiJson.mapper().readValue(r.configs(), ENTRIES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        List<ConfigurationEntry> withNulls =
                entries.stream()
                        .map(
                                e ->
                                        e.defaultValue() == null
                                                ? new ConfigurationEntry(
                                                        e.name(),
                                                        e.path(),
                                                        NullNode.getInstance(),
                                                        e.valueDataType())
                                                : e)
                        .toList();
        return new ConfigurationData(
                r.id(), r.name(), withNulls, r.createdAt(), r.lastModifiedAt());
    }
}
