package org.lightlyjava.api.model;

/**
 * {@code GET .../samples/{sampleId}/writeurls}: signed PUT URLs for the image and its thumbnail.
 */
public record SampleWriteUrls(String full, String thumb) {}
