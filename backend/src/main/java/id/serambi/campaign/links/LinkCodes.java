package id.serambi.campaign.links;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The codes of tracked links ({@code /l/{code}}): short enough to read aloud on the radio or copy from a poster, and
 * unguessable. Ten characters from an alphabet of 31 with no look-alikes (no 0/o, no 1/l/i), lower case only, drawn
 * from {@link SecureRandom}: about 49.5 bits, so guessing one of a library's thousands of codes takes billions of tries.
 */
public final class LinkCodes {

    /** The characters of a code, in order: digits 2-9 and the letters without i, l, o. */
    public static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

    public static final int LENGTH = 10;

    /** What every code, and every {@code ref} a client sends, must look like. */
    public static final String REGEX = "[2-9a-hjkmnp-z]{" + LENGTH + "}";

    public static final Pattern FORMAT = Pattern.compile(REGEX);

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodes() {
    }

    /** A new random code. */
    public static String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** Whether this text has a code's shape (not whether such a link exists). */
    public static boolean wellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }
}
