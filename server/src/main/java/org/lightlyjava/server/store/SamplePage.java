package org.lightlyjava.server.store;

import java.util.List;

/**
 * A page of a listing.
 *
 * @param total how many samples the listing has in all pages
 */
public record SamplePage(long total, List<SampleSummary> samples) {

    public SamplePage {
        samples = List.copyOf(samples);
    }
}
