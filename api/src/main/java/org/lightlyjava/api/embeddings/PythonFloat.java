package org.lightlyjava.api.embeddings;

import java.math.BigDecimal;

/**
 * Formats a {@code float} the way Python prints a numpy {@code float32}: the shortest decimal that
 * reads back to the same float, positional for {@code 1e-4 <= |x| < 1e16}, else scientific with a
 * two-digit exponent ({@code 1e-05}, {@code 1.5e+16}). This keeps embeddings.csv byte-compatible
 * with Lightly's where it matters to people reading it, and any float parser reads both.
 */
public final class PythonFloat {

    private PythonFloat() {}

    public static String repr(float value) {
        if (Float.isNaN(value)) {
            return "nan";
        }
        if (Float.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0f) {
            return (Float.floatToRawIntBits(value) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(value);
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e16) {
            String plain = shortest.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return scientific(shortest);
    }

    /** The decimal with the fewest significant digits that rounds to {@code value} as a float. */
    static BigDecimal shortest(float value) {
        BigDecimal fast = shortestFast(value);
        return fast != null ? fast : shortestExact(value);
    }

    /**
     * {@link #shortestExact} in double arithmetic: the value scaled to {@code digits} integer
     * digits is off by at most 2^-23 (half an ulp below 2^30), so its rounding equals the exact
     * value's unless it lies within 1e-6 of a tie, where this gives up (null), as it does outside
     * the powers of ten doubles hold exactly.
     */
    static BigDecimal shortestFast(float value) {
        double exact = value;
        int magnitude = (int) Math.floor(Math.log10(Math.abs(exact)));
        for (int digits = 1; digits <= 9; digits++) {
            int shift = digits - 1 - magnitude;
            if (shift < -22 || shift > 22) {
                return null;
            }
            double scaled = shift >= 0 ? exact * TENS[shift] : exact / TENS[-shift];
            double floor = Math.floor(scaled);
            double fraction = scaled - floor;
            if (Math.abs(fraction - 0.5) < 1e-6) {
                return null;
            }
            long rounded = (long) (fraction > 0.5 ? floor + 1 : floor);
            BigDecimal candidate = BigDecimal.valueOf(rounded, shift);
            if (candidate.floatValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return null;
    }

    private static final double[] TENS = new double[23];

    static {
        TENS[0] = 1;
        for (int i = 1; i < TENS.length; i++) {
            TENS[i] = TENS[i - 1] * 10;
        }
    }

    static BigDecimal shortestExact(float value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits <= 9; digits++) {
            BigDecimal candidate = exact.round(new java.math.MathContext(digits));
            if (candidate.floatValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return new BigDecimal(Float.toString(value));
    }

    private static String scientific(BigDecimal shortest) {
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder out = new StringBuilder();
        if (shortest.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        String rest = digits.substring(1).replaceAll("0+$", "");
        if (!rest.isEmpty()) {
            out.append('.').append(rest);
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }
}
