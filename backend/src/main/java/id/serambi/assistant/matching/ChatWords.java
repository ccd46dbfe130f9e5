package id.serambi.assistant.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores the words of chat shorthand that drops vowels ("krtu" for kartu, "syrt" for syarat, "kunjngn" for
 * kunjungan, "mmbca" for membaca), the way Indonesians commonly write to a WhatsApp number: a word the knowledge base
 * does not know is replaced by the known word whose consonants it keeps in order, with the same first letter and at
 * least three quarters of them ("prpnjg" → perpanjang). A word that keeps its vowels but is not known is taken as a typo
 * of the known word one edit away (two from eight letters; "alamt" → alamat, "perpustakan" → perpustakaan), mended
 * here because the stemmer would cut the mistyped word differently from the right one. Where two known words fit
 * equally, the word stays as written. The known words are those of the knowledge base's texts; the synonyms and the
 * analyser do the rest.
 */
final class ChatWords {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** Known words by first letter; each with its consonant skeleton. */
    private final Map<Character, List<String[]>> byFirst = new HashMap<>();
    private final java.util.Set<String> known = new java.util.HashSet<>();

    ChatWords(Collection<String> texts) {
        for (String text : texts) {
            Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (m.find()) {
                String w = m.group();
                if (w.length() >= 4 && known.add(w)) {
                    byFirst.computeIfAbsent(w.charAt(0), c -> new java.util.ArrayList<>()).add(new String[] {w, skeleton(w)});
                } else {
                    known.add(w);
                }
            }
        }
    }

    /** The text with each vowel-less unknown word restored where one known word fits. */
    String restore(String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(restoreWord(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String restoreWord(String w) {
        if (w.length() < 3 || known.contains(w)) {
            return w;
        }
        String s = skeleton(w);
        // Shorthand: most of the word's letters are consonants. Otherwise a typo: a letter missed, added, changed or two
        // swapped ("alamt", "perpustakan", "kelilng"), mended before stemming, which would cut the mistyped word
        // differently from the right one.
        if (s.length() < 3 || s.length() < w.length() - 1) {
            return typo(w);
        }
        String best = null;
        int bestGap = Integer.MAX_VALUE;
        boolean tie = false;
        for (String[] candidate : byFirst.getOrDefault(w.charAt(0), List.of())) {
            String cs = candidate[1];
            if (cs.length() < s.length() || s.length() * 4 < cs.length() * 3 || !subsequence(s, cs)) {
                continue;
            }
            int gap = cs.length() - s.length();
            if (gap < bestGap) {
                best = candidate[0];
                bestGap = gap;
                tie = false;
            } else if (gap == bestGap && !candidate[0].equals(best)) {
                tie = true;
            }
        }
        return best == null || tie ? w : best;
    }

    /**
     * The one known word this word is a typo of: the same first letter and one edit away (two from eight letters: a
     * missed, added or changed letter, or two letters swapped), or the word as written when none or several fit.
     */
    private String typo(String w) {
        if (w.length() < 5) {
            return w;
        }
        int allowed = w.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String[] candidate : byFirst.getOrDefault(w.charAt(0), List.of())) {
            String c = candidate[0];
            if (Math.abs(c.length() - w.length()) > allowed) {
                continue;
            }
            int d = distance(w, c, allowed);
            if (d > allowed) {
                continue;
            }
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && !c.equals(best)) {
                tie = true;
            }
        }
        return best == null || tie ? w : best;
    }

    /** Damerau-Levenshtein distance (optimal string alignment), or more than {@code limit} once it is sure to be. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    private static String skeleton(String w) {
        return w.replaceAll("[aiueo]", "");
    }

    private static boolean subsequence(String shorter, String longer) {
        int i = 0;
        for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
            if (shorter.charAt(i) == longer.charAt(j)) {
                i++;
            }
        }
        return i == shorter.length();
    }
}
