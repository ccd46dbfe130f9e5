package id.serambi.campaign.posts;

import id.serambi.social.SocialPlatform;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a variant's text the way people and platforms see it: by user-perceived characters (Unicode extended
 * grapheme clusters, regex {@code \X}), so an emoji, a flag, a skin-toned or a ZWJ family emoji counts 1, not the 2 to
 * 11 UTF-16 units Java's {@code String.length()} gives. ({@code java.text.BreakIterator} on JDK 17 still splits emoji
 * sequences, hence the regex.) On X every http(s) URL counts 23 characters, whatever its length, as t.co shortens it.
 * Simplification: X weighs CJK characters and emoji 2; we count them 1, which is exact for Indonesian text.
 */
public final class CharacterCount {

    /** What t.co makes of any link on X. */
    public static final int X_URL_LENGTH = 23;

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

    private CharacterCount() {
    }

    public static int count(SocialPlatform platform, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (platform != SocialPlatform.X) {
            return graphemes(text);
        }
        int total = 0;
        int last = 0;
        Matcher url = URL.matcher(text);
        while (url.find()) {
            total += graphemes(text.substring(last, url.start())) + X_URL_LENGTH;
            last = url.end();
        }
        return total + graphemes(text.substring(last));
    }

    /**
     * The length X itself gives a text (twitter-text's weighted length, configuration v3): a link 23; a character of
     * Latin, Greek, Cyrillic, Arabic, Hebrew, the Indic scripts and up to U+10FF, and the general punctuation
     * U+2000–200D, U+2010–201F, U+2032–2037, counts 1; everything else (an emoji sequence, CJK) 2. For drafts that must
     * fit whatever their titles hold.
     */
    public static int xWeighted(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int total = 0;
        int last = 0;
        Matcher url = URL.matcher(text);
        while (url.find()) {
            total += weighted(text.substring(last, url.start())) + X_URL_LENGTH;
            last = url.end();
        }
        return total + weighted(text.substring(last));
    }

    private static int weighted(String text) {
        Matcher m = GRAPHEME.matcher(text);
        int total = 0;
        while (m.find()) {
            String cluster = m.group();
            int first = cluster.codePointAt(0);
            boolean light = cluster.codePointCount(0, cluster.length()) == 1 && (first <= 0x10FF || (first >= 0x2000 && first <= 0x200D)
                    || (first >= 0x2010 && first <= 0x201F) || (first >= 0x2032 && first <= 0x2037));
            total += light ? 1 : 2;
        }
        return total;
    }

    static int graphemes(String text) {
        Matcher m = GRAPHEME.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
