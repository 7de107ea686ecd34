package org.lightlyjava.server.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Ids as MongoDB makes ObjectIds, which Lightly's ids are: 4 bytes of seconds since the epoch, 5
 * random bytes per process, a 3-byte counter; 24 lowercase hex characters. Ids made later sort
 * after earlier ones (within a process, and across seconds).
 */
public final class Ids {

    private static final Pattern PATTERN = Pattern.compile("[a-f0-9]{24}");
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;
    private final byte[] process = new byte[5];
    private final AtomicInteger counter;

    public Ids(Clock clock) {
        this.clock = clock;
        SecureRandom random = new SecureRandom();
        random.nextBytes(process);
        counter = new AtomicInteger(random.nextInt(1 << 24));
    }

    public String next() {
        long seconds = clock.instant().getEpochSecond();
        int count = counter.getAndIncrement() & 0xffffff;
        byte[] id = new byte[12];
        id[0] = (byte) (seconds >>> 24);
        id[1] = (byte) (seconds >>> 16);
        id[2] = (byte) (seconds >>> 8);
        id[3] = (byte) seconds;
        System.arraycopy(process, 0, id, 4, 5);
        id[9] = (byte) (count >>> 16);
        id[10] = (byte) (count >>> 8);
        id[11] = (byte) count;
        return HEX.formatHex(id);
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /**
     * Returns {@code id} when it is well formed.
     *
     * @param what for the message, for example {@code datasetId}
     * @throws ApiProblem 400 otherwise
     */
    public static String require(String id, String what) {
        if (!isValid(id)) {
            throw ApiProblem.badRequest(
                    what + " must be 24 lowercase hex characters, got '" + shorten(id) + "'");
        }
        return id;
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
