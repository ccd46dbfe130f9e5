package id.serambi.common;

/**
 * The {@code ref} a registration or a joining carries (issue 22): the code of the tracked link that brought the
 * person, and nothing else of their visit. Its shape is the one {@code campaign/links/LinkCodes} draws codes in; it
 * lives here as well because the event and challenge features must not depend on campaign (campaign depends on them).
 * FunnelTest checks that the two regular expressions stay the same.
 */
public final class RefCodes {

    /** What a {@code ref} must look like: the 10 characters of a link code (digits 2-9, letters without i, l, o). */
    public static final String REGEX = "[2-9a-hjkmnp-z]{10}";

    /** The message of a malformed {@code ref} (a 400 naming the field). */
    public static final String MESSAGE = "must be a link code: 10 characters of 23456789abcdefghjkmnpqrstuvwxyz";

    private RefCodes() {
    }
}
