package nslab.check;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for names and words: the closest candidate within a small edit distance. */
public final class Suggestions {
    private Suggestions() {}

    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word == null) return Optional.empty();
        int limit = word.length() <= 3 ? 1 : word.length() <= 6 ? 2 : 3;
        return candidates.stream()
                .filter(c -> !c.equals(word))
                .map(c -> new Object() { final String name = c; final int d = distance(word.toLowerCase(), c.toLowerCase()); })
                .filter(o -> o.d <= limit)
                .min(Comparator.comparingInt(o -> o.d))
                .map(o -> o.name);
    }

    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse(null);
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
