package id.serambi.common;

import java.util.Map;

/**
 * Optimistic versioning of shared things (events, challenges, campaigns, posts): a GET sends the version as its ETag
 * ({@code "3"}), an update sends it back as If-Match, and a version that moved on meanwhile is a 412 (RFC 9110: the
 * precondition failed) carrying the current ETag. No If-Match at all is a 428.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The ETag of a version: {@code "3"}. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The If-Match header as a version number: {@code "3"}, {@code W/"3"} or {@code 3}. */
    public static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "version-required", "Version required",
                    "Send the version you edited as If-Match: \"<version>\" (the ETag of the GET you edited)");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-if-match", "Bad If-Match header",
                    "If-Match must be the ETag you read, such as \"3\"");
        }
    }

    /** Fails with 412 stale-version when the stored version is not the one the client edited. */
    public static void check(String what, long id, int current, int sent) {
        if (current != sent) {
            throw new ProblemException(412, "stale-version", "Changed by someone else",
                    what + " " + id + " is at version " + current + " but you edited version " + sent
                            + "; reload it and apply your changes again",
                    null, Map.of("ETag", etag(current)));
        }
    }
}
