package org.lightlyjava.api.model;

import java.util.Map;

/**
 * {@code GET .../datasource/verify}: the lights, from really using the stored credentials (list the
 * prefix, read an object, write a probe object, overwrite it), and per red light the reason.
 *
 * @param errors light name ({@code canList}, {@code canRead}, {@code canWrite}, {@code
 *     canOverwrite}) to the reason it is red, for example {@code AccessDenied: ...}
 */
public record DatasourceConfigVerifyData(
        boolean canList,
        boolean canRead,
        boolean canWrite,
        boolean canOverwrite,
        Map<String, String> errors) {}
