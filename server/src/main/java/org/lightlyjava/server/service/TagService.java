package org.lightlyjava.server.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.model.InitialTagCreateRequest;
import org.lightlyjava.api.model.TagArithmeticsRequest;
import org.lightlyjava.api.model.TagCreateRequest;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.api.model.TagUpsizeRequest;
import org.lightlyjava.server.store.DatasetRecord;
import org.lightlyjava.server.store.DuplicateException;
import org.lightlyjava.server.store.MissingException;
import org.lightlyjava.server.store.SampleStore;
import org.lightlyjava.server.store.TagRecord;
import org.lightlyjava.server.store.TagStore;

/**
 * Tags: bitmasks over the dataset's creation order.
 *
 * <p>Upsize (Lightly: "upsize all tags for the dataset to the current size of the dataset; creates
 * a new tag holding all samples which are not yet in the initial-tag"): every tag's {@code totSize}
 * becomes the current sample count (their bitmasks stay: the new samples are not in them), the
 * initial tag grows to all samples, and a new tag named {@code upsizeTagName} (parent: the initial
 * tag) holds the samples that were not in the initial tag. With no new samples, that tag is empty.
 */
public final class TagService {

    static final String INITIAL_TAG = "initial-tag";

    private final TagStore store;
    private final SampleStore samples;
    private final Ids ids;
    private final Clock clock;

    TagService(TagStore store, SampleStore samples, Ids ids, Clock clock) {
        this.store = store;
        this.samples = samples;
        this.ids = ids;
        this.clock = clock;
    }

    public List<TagData> list(DatasetRecord dataset) {
        return store.list(dataset.id()).stream().map(TagService::toData).toList();
    }

    /**
     * @throws ApiProblem 404 {@code NOT_FOUND} when the dataset has no such tag
     */
    public TagRecord get(DatasetRecord dataset, String tagId) {
        Ids.require(tagId, "tagId");
        return store.find(dataset.id(), tagId)
                .orElseThrow(
                        () ->
                                ApiProblem.notFound(
                                        "NOT_FOUND",
                                        "tag " + tagId + " does not exist in this dataset"));
    }

    public String initial(DatasetRecord dataset, InitialTagCreateRequest request) {
        String imgType = request.imgType();
        if (imgType == null || !DatasetService.IMG_TYPES.contains(imgType)) {
            throw ApiProblem.badRequest(
                    "imgType must be one of " + DatasetService.IMG_TYPES + ", got " + imgType);
        }
        String name = request.name() == null ? INITIAL_TAG : Names.tag(request.name());
        TagRecord tag = newTag(dataset, name, true, null, request.creator(), request.runId());
        try {
            return store.createInitial(tag, imgType).id();
        } catch (DuplicateException e) {
            throw ApiProblem.conflict("TAG_INITIAL_EXISTS", e.getMessage());
        } catch (MissingException e) {
            throw ApiProblem.notFound("DATASET_UNKNOWN", e.getMessage());
        }
    }

    /** See the class comment. */
    public String upsize(DatasetRecord dataset, TagUpsizeRequest request) {
        String name = Names.tag(request.upsizeTagName());
        TagRecord tag =
                newTag(dataset, name, false, null, request.upsizeTagCreator(), request.runId());
        try {
            return store.upsize(tag).id();
        } catch (DuplicateException e) {
            throw ApiProblem.conflict("TAG_NAME_EXISTS", e.getMessage());
        } catch (MissingException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    public String create(DatasetRecord dataset, TagCreateRequest request) {
        String name = Names.tag(request.name());
        BitMask mask = parseMask(request.bitMaskData());
        checkWithin(dataset, mask);
        requireTag(dataset, request.prevTagId(), "prevTagId");
        requireTag(dataset, request.queryTagId(), "queryTagId");
        requireTag(dataset, request.preselectedTagId(), "preselectedTagId");
        TagRecord tag =
                new TagRecord(
                        ids.next(),
                        dataset.id(),
                        name,
                        false,
                        request.prevTagId(),
                        request.queryTagId(),
                        request.preselectedTagId(),
                        mask.toString(),
                        dataset.nSamples(),
                        request.creator(),
                        Json.text(request.changes()),
                        request.runId(),
                        clock.millis(),
                        clock.millis());
        return insert(tag);
    }

    /** The result of tag arithmetic: the bitmask, and the new tag's id when one was made. */
    public record Arithmetic(String bitMaskData, String createdTagId) {}

    /**
     * UNION, INTERSECTION or DIFFERENCE; with {@code newTagName} (and {@code create}) a new tag.
     */
    public Arithmetic arithmetic(
            DatasetRecord dataset, TagArithmeticsRequest request, boolean create) {
        if (request.tagId1() == null || request.tagId2() == null) {
            throw ApiProblem.badRequest("tagId1 and tagId2 are required");
        }
        String operation = request.operation();
        if (!List.of("UNION", "INTERSECTION", "DIFFERENCE").contains(operation)) {
            throw ApiProblem.badRequest(
                    "operation must be UNION, INTERSECTION or DIFFERENCE, got " + operation);
        }
        BitMask a = BitMask.parse(get(dataset, request.tagId1()).bitMaskData());
        BitMask b = BitMask.parse(get(dataset, request.tagId2()).bitMaskData());
        BitMask result =
                switch (operation) {
                    case "UNION" -> a.union(b);
                    case "INTERSECTION" -> a.intersection(b);
                    default -> a.difference(b);
                };
        if (!create || request.newTagName() == null) {
            return new Arithmetic(result.toString(), null);
        }
        TagRecord tag =
                newTag(
                        dataset,
                        Names.tag(request.newTagName()),
                        false,
                        request.tagId1(),
                        request.creator(),
                        request.runId());
        String id = insert(withMask(tag, result));
        return new Arithmetic(result.toString(), id);
    }

    /** File names of the tag's samples in creation order. */
    public List<String> fileNames(DatasetRecord dataset, String tagId) {
        BitMask mask = BitMask.parse(get(dataset, tagId).bitMaskData());
        List<String> names = new ArrayList<>(mask.count());
        samples.forEachNameAt(dataset.id(), true, mask::get, (name, index) -> names.add(name));
        return names;
    }

    public void delete(DatasetRecord dataset, String tagId) {
        get(dataset, tagId);
        store.delete(dataset.id(), tagId);
    }

    private String insert(TagRecord tag) {
        try {
            store.insert(tag);
            return tag.id();
        } catch (DuplicateException e) {
            throw ApiProblem.conflict("TAG_NAME_EXISTS", e.getMessage());
        } catch (MissingException e) {
            throw ApiProblem.notFound("DATASET_UNKNOWN", e.getMessage());
        }
    }

    private TagRecord newTag(
            DatasetRecord dataset,
            String name,
            boolean initial,
            String prevTagId,
            String creator,
            String runId) {
        long now = clock.millis();
        return new TagRecord(
                ids.next(),
                dataset.id(),
                name,
                initial,
                prevTagId,
                null,
                null,
                BitMask.all(0).toString(),
                dataset.nSamples(),
                creator,
                null,
                runId,
                now,
                now);
    }

    private static TagRecord withMask(TagRecord t, BitMask mask) {
        return new TagRecord(
                t.id(),
                t.datasetId(),
                t.name(),
                t.initial(),
                t.prevTagId(),
                t.queryTagId(),
                t.preselectedTagId(),
                mask.toString(),
                t.totSize(),
                t.creator(),
                t.changes(),
                t.runId(),
                t.createdAt(),
                t.lastModifiedAt());
    }

    private static BitMask parseMask(String hex) {
        try {
            return BitMask.parse(hex);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("bitMaskData: " + e.getMessage());
        }
    }

    private static void checkWithin(DatasetRecord dataset, BitMask mask) {
        if (mask.length() > dataset.nSamples()) {
            throw ApiProblem.badRequest(
                    "bitMaskData selects sample index "
                            + (mask.length() - 1)
                            + ", but the dataset has "
                            + dataset.nSamples()
                            + " samples");
        }
    }

    private void requireTag(DatasetRecord dataset, String tagId, String what) {
        if (tagId != null) {
            Ids.require(tagId, what);
            if (store.find(dataset.id(), tagId).isEmpty()) {
                throw ApiProblem.badRequest(what + " " + tagId + " is not a tag of this dataset");
            }
        }
    }

    public static TagData toData(TagRecord t) {
        return new TagData(
                t.id(),
                t.datasetId(),
                t.prevTagId(),
                t.queryTagId(),
                t.preselectedTagId(),
                t.name(),
                t.bitMaskData(),
                t.totSize(),
                t.createdAt(),
                t.lastModifiedAt(),
                Json.parse(t.changes()),
                t.runId(),
                t.creator());
    }
}
