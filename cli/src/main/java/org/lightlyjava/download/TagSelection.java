package org.lightlyjava.download;

import java.util.ArrayList;
import java.util.List;
import org.lightlyjava.api.BitMask;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.TagArithmeticsRequest;
import org.lightlyjava.api.model.TagData;
import org.lightlyjava.run.ExitCode;
import org.lightlyjava.run.ToolException;

/**
 * The samples of a tag (reference §2.5): its bitmask, or with {@code exclude_parent_tag} the
 * difference to its parent, applied to the dataset's sample order.
 *
 * @param tag the tag
 * @param indices selected sample indices, ascending
 * @param fileNames their file names, in the server's order
 */
record TagSelection(TagData tag, List<Integer> indices, List<String> fileNames) {

    static TagSelection of(
            LightlyClient client, String datasetId, String tagName, boolean excludeParent) {
        List<TagData> tags = client.tags(datasetId);
        TagData tag =
                tags.stream()
                        .filter(t -> t.name().equals(tagName))
                        .findFirst()
                        .orElseThrow(() -> unknownTag(tagName, tags));
        String mask = tag.bitMaskData();
        if (excludeParent && tag.prevTagId() != null) {
            mask =
                    client.tagArithmetics(
                            datasetId,
                            new TagArithmeticsRequest(
                                    tag.id(), tag.prevTagId(), "DIFFERENCE", null, null, null));
        }
        List<Integer> indices = BitMask.parse(mask).indices();
        List<String> order = client.mappings(datasetId, "fileName");
        List<String> names = new ArrayList<>(indices.size());
        for (int index : indices) {
            if (index >= order.size()) {
                throw new ToolException(
                        ExitCode.CONFIG,
                        "tag "
                                + tagName
                                + " selects sample "
                                + index
                                + ", but the dataset has only "
                                + order.size());
            }
            names.add(order.get(index));
        }
        return new TagSelection(tag, indices, names);
    }

    private static ToolException unknownTag(String tagName, List<TagData> tags) {
        String names =
                tags.isEmpty()
                        ? "the dataset has no tags yet"
                        : "the dataset's tags are: "
                                + String.join(", ", tags.stream().map(TagData::name).toList());
        return new ToolException(
                ExitCode.CONFIG, "Your tag_name does not exist: " + tagName + "; " + names + ".");
    }
}
