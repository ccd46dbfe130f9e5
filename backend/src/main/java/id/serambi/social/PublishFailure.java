package id.serambi.social;

import java.time.Duration;

/**
 * Why a platform call failed. Its message is the platform's own (for staff to read); it never holds a token.
 */
public class PublishFailure extends RuntimeException {

    /** What the caller should do about it. */
    public enum Kind {
        /** 5xx, a timeout, 429 or a rate-limit answer: try again later (after {@link #retryAfter()} when known). */
        TEMPORARY,
        /** A policy rejection, an invalid media file, a bad request: trying again will not help. */
        PERMANENT,
        /** The token expired or was revoked: the connection needs reconnecting. */
        TOKEN_INVALID,
        /** No usable connection for the platform. */
        NOT_CONNECTED
    }

    private final Kind kind;
    private final Integer httpStatus;
    private final Duration retryAfter;

    public PublishFailure(Kind kind, String platformMessage, Integer httpStatus, Duration retryAfter) {
        super(platformMessage, null, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The platform's HTTP status, or null (a timeout, no connection). */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** How long the platform asked us to wait (Retry-After, x-rate-limit-reset, Meta's usage headers), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
