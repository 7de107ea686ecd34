package org.lightlyjava.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggestions for misspelt names: by edit distance over whole names, and for dotted keys also by
 * the last component, so that {@code max_epochs} suggests {@code trainer.max_epochs}.
 */
public final class DidYouMean {

    private static final int MAX_SUGGESTIONS = 3;

    private DidYouMean() {}

    /** The message for an unknown key, with suggestions when some key is close. */
    public static String unknownKey(String key) {
        return "unknown key '" + key + "'" + phrase(forKey(key)).map(s -> ": " + s).orElse("");
    }

    /** {@code "did you mean a?"} or {@code "did you mean a, b or c?"}; empty for no candidates. */
    public static Optional<String> phrase(List<String> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int last = candidates.size() - 1;
        String head = String.join(", ", candidates.subList(0, last));
        return Optional.of(
                "did you mean "
                        + (head.isEmpty() ? "" : head + " or ")
                        + candidates.get(last)
                        + "?");
    }

    /** The keys of {@link Keys} closest to {@code key}, best first; empty when none is close. */
    public static List<String> forKey(String key) {
        List<String> names = Keys.all().stream().map(KeySpec::name).toList();
        String leaf = leaf(key);
        List<String> sameLeaf =
                names.stream()
                        .filter(n -> !n.equals(key) && leaf(n).equalsIgnoreCase(leaf))
                        .limit(MAX_SUGGESTIONS)
                        .toList();
        return sameLeaf.isEmpty() ? closest(key, names) : sameLeaf;
    }

    /**
     * The candidates within a small edit distance of {@code word} (or, for dotted candidates, whose
     * last component is close to or contains the word's last component), best first.
     */
    public static List<String> closest(String word, Collection<String> candidates) {
        String w = word.toLowerCase(Locale.ROOT);
        String wLeaf = leaf(w);
        record Scored(String name, int score, int leafDistance) {}
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int leafDistance = distance(wLeaf, leaf(c));
            int score = Math.min(distance(w, c), leafDistance);
            if (wLeaf.length() >= 4 && leaf(c).contains(wLeaf)) {
                score = Math.min(score, 1);
            }
            if (score <= threshold(w) && !candidate.equals(word)) {
                scored.add(new Scored(candidate, score, leafDistance));
            }
        }
        return scored.stream()
                .sorted(
                        Comparator.comparingInt(Scored::score)
                                .thenComparingInt(Scored::leafDistance))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::name)
                .toList();
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (OSA distance). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1
                        && j > 1
                        && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static int threshold(String word) {
        return Math.max(1, Math.min(3, leaf(word).length() / 3));
    }

    private static String leaf(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
