package id.serambi.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Year;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks {@link PublicText}: the first kind of personal data or disguise found names the message. */
public class PublicTextValidator implements ConstraintValidator<PublicText, String> {

    /**
     * A phone number: an international (+62, 0062) or national (0811..., 0511...) prefix and at least 7 more digits,
     * or a mobile number without its 0 (62 812... or 812...), with spaces, dots, dashes, slashes or brackets between
     * the digits; or any 10 or more digits in a row (dots and dashes ignored).
     */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(?:\\+|00)\\s?\\d{1,3}|0|62\\s?8|8)(?:[\\s.\\-()/]{0,2}\\d){7,13}(?!\\p{N})"
                    + "|(?<!\\p{N})\\d(?:[.\\-]?\\d){9}");

    /*
     * Every pattern runs in linear time on any input (a 1 MB string is refused by @Size after this check has run):
     * a match may only start where a word starts, and repetitions are possessive (the engine never backtracks into
     * them) and repeated groups bounded (java.util.regex recurses once per repetition of a group: a million would
     * overflow the stack).
     */

    /** An address: a local part, '@' (also written ＠, (at) or [at]) and a domain with at least one dot. */
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+\\-]\\s?(?:@|＠|\\(at\\)|\\[at\\])\\s?"
            + "[\\p{L}\\p{N}\\-]++(?:\\.[\\p{L}\\p{N}\\-]++){1,10}+");

    /** http(s)://, www., or a bare domain with a common or Indonesian top-level domain (x.co/abc, bit.ly/..). */
    private static final Pattern URL = Pattern.compile("(?i)(?:\\b(?:https?|ftp)://|\\bwww\\.|"
            + "(?<![\\p{L}\\p{N}\\-.])(?:[\\p{L}\\p{N}\\-]++\\.){1,10}+(?:com|net|org|info|biz|id|co|io|me|ly|gg|xyz|app|dev|"
            + "link|site|online|store|shop|tk|ml|ga|cf|us|uk|sg|my|tv|to|cc|in|ws|be|fm|gl|vc|la|lk|ru|cn|de|fr|nl|au|"
            + "jp|kr)(?![\\p{L}\\p{N}\\-]))");

    /**
     * An age or birth given in words, a number following within the sentence: "lahir 2011", "umur saya 13",
     * "usia: 13", "kelahiran tahun 2011", "born 2011", "age 13".
     */
    private static final Pattern AGE_WORDS = Pattern.compile(
            "(?iu)(?<!\\p{L})(?:lahir|kelahiran|umur(?:ku|nya)?|usia(?:ku|nya)?|born|age[ds]?)"
                    + "(?!\\p{L})[^\\p{N}.!?\\n]{0,20}?\\d{1,4}");

    /** A name that says "13 tahun" or "13 thn". */
    private static final Pattern AGE_IN_YEARS = Pattern.compile("(?iu)(?<!\\p{N})\\d{1,2}\\s?(?:tahun|thn|th|yo|y\\.o\\.?)(?!\\p{L})");

    /** A year, 1900 to this year, that stands alone: not inside a word or a longer number. */
    private static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}])(19\\d\\d|20\\d\\d)(?!\\p{N})");

    /** Longer public text is refused before any pattern runs on it (every field also has a smaller @Size). */
    static final int MAX_LENGTH = 5000;

    private boolean prose;

    @Override
    public void initialize(PublicText annotation) {
        prose = annotation.prose();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String reason = reason(value, prose);
        if (reason == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("{id.serambi.common.PublicText." + reason + "}")
                .addConstraintViolation();
        return false;
    }

    /** Why the text may not be shown to the public (long, control, email, url, phone, birth), or null when it may. */
    public static String reason(String text, boolean prose) {
        if (text.length() > MAX_LENGTH) {
            return "long";
        }
        if (hasHiddenCharacter(text, prose)) {
            return "control";
        }
        if (EMAIL.matcher(text).find()) {
            return "email";
        }
        if (URL.matcher(text).find()) {
            return "url";
        }
        if (PHONE.matcher(text).find()) {
            return "phone";
        }
        if (AGE_WORDS.matcher(text).find() || !prose && (AGE_IN_YEARS.matcher(text).find() || namesAYear(text))) {
            return "birth";
        }
        return null;
    }

    private static boolean namesAYear(String text) {
        int now = Year.now().getValue();
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            if (year >= 1900 && year <= now) {
                return true;
            }
        }
        return false;
    }

    /**
     * C0 and C1 controls (prose keeps tab and line breaks), bidi embeddings, overrides and isolates, zero-width
     * spaces and joiners, word joiners and the byte-order mark. A zero-width joiner inside an emoji sequence
     * (a family, a profession with a skin tone) is part of the emoji and stays allowed.
     */
    private static boolean hasHiddenCharacter(String text, boolean prose) {
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                if (prose && (c == '\n' || c == '\r' || c == '\t')) {
                    continue;
                }
                return true;
            }
            if (c == 0x200D && i > 0 && i + 1 < cps.length && emojiPart(cps[i - 1]) && emojiPart(cps[i + 1])) {
                continue;
            }
            if (c >= 0x200B && c <= 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2060 && c <= 0x2064
                    || c >= 0x2066 && c <= 0x2069 || c == 0xFEFF || c == 0x061C || c == 0x00AD || c == 0x180E) {
                return true;
            }
        }
        return false;
    }

    private static boolean emojiPart(int c) {
        // Pictographs, symbols and dingbats (emoji), skin tones (in the first range) and the emoji variation selector.
        return c >= 0x1F000 && c <= 0x1FAFF || c >= 0x2190 && c <= 0x2BFF || c == 0xFE0F;
    }
}
