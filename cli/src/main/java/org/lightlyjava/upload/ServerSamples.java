package org.lightlyjava.upload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.SampleData;

/** The samples a dataset already has on the server: file name to id, in the server's order. */
final class ServerSamples {

    private static final int PAGE = 10_000;

    private ServerSamples() {}

    static Map<String, String> list(LightlyClient client, String datasetId) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int offset = 0; ; offset += PAGE) {
            List<SampleData> page = client.sampleNames(datasetId, PAGE, offset);
            for (SampleData sample : page) {
                out.put(sample.fileName(), sample.id());
            }
            // Servers without paging return everything at once: stop when a page adds nothing new.
            if (page.size() < PAGE || out.size() < offset + PAGE) {
                return out;
            }
        }
    }
}
