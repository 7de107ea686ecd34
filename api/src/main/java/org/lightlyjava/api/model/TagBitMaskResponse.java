package org.lightlyjava.api.model;

/** {@code {"bitMaskData": "0x..."}}. */
public record TagBitMaskResponse(String bitMaskData) {}
