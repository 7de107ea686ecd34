package org.lightlyjava.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.lightlyjava.dataset.Sample;

/** How samples are created on the server: lightly-java's batch route, or Lightly's calls. */
interface Protocol {

    /** How many samples one {@link #create} call should carry. */
    int chunkSize();

    /**
     * Creates the samples of {@code chunk} in order (or finds them, when they exist already) and
     * returns them with the blob uploads they need.
     *
     * @param custom custom metadata by file name (may be empty)
     */
    List<Created> create(List<PreparedSample> chunk, Map<String, JsonNode> custom);

    /**
     * For samples that exist already (a resumed upload): the blob uploads still missing. Needs no
     * thumbnail bytes.
     */
    List<Created> missingBlobs(List<Sample> existing, Map<String, String> idsByName);
}
