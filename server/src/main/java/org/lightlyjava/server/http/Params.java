package org.lightlyjava.server.http;

import io.javalin.http.Context;
import org.lightlyjava.server.service.ApiProblem;
import org.lightlyjava.server.service.Page;

/** Query parameters as Lightly's clients send them (booleans also Python-style). */
final class Params {

    private Params() {}

    /** {@code true}/{@code false} in any case (Python sends {@code True}), {@code 1}/{@code 0}. */
    static boolean bool(Context ctx, String name, boolean fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equals("1")) {
            return true;
        }
        if (value.equalsIgnoreCase("false") || value.equals("0")) {
            return false;
        }
        throw ApiProblem.badRequest(name + " must be true or false, got '" + value + "'");
    }

    /** A required boolean. */
    static boolean requiredBool(Context ctx, String name) {
        if (ctx.queryParam(name) == null) {
            throw ApiProblem.badRequest("the query parameter " + name + " is required");
        }
        return bool(ctx, name, false);
    }

    /** {@code pageOffset} and {@code pageSize}; without them, everything. */
    static Page page(Context ctx) {
        long offset = number(ctx, "pageOffset", 0);
        long size = number(ctx, "pageSize", Long.MAX_VALUE);
        return new Page(offset, size);
    }

    private static long number(Context ctx, String name, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** A whole number, or null when absent. */
    static Long optionalLong(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : number(ctx, name, 0);
    }

    static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            throw ApiProblem.badRequest("the query parameter " + name + " is required");
        }
        return value;
    }
}
