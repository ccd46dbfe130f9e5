package id.serambi.conversation.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A web asker's conversation token: 256 random bits, base64url without padding (43 characters). Only its SHA-256 is
 * stored, as the thread's key ({@code web:} and the hash in hex), so the database cannot give the token back.
 */
final class WebToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private WebToken() {
    }

    static String create() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The thread key of the token, or null for a string that is no token (it names no conversation). */
    static String threadKey(String token) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return "web:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** The contact id staff see: a pseudonym from the hash, never the token. */
    static String contactId(String threadKey) {
        return "pengunjung-" + threadKey.substring(4, 16);
    }
}
