package id.serambi.campaign.posts;

/** Where a variant stands on its way to its platform (V45__variant_delivery.sql). */
public enum Delivery {
    /** Not scheduled yet. */
    NONE,
    /** Terjadwal: waiting for its time. */
    SCHEDULED,
    /** Sedang diterbitkan: an attempt is under way. */
    PUBLISHING,
    /** A temporary failure: tried again at {@code nextAttemptAt}. */
    RETRY_WAIT,
    /** Terbit. */
    PUBLISHED,
    /** Gagal: a permanent failure, with the platform's message. */
    FAILED,
    /** Perlu dicek: an attempt was cut off (a crash); never re-sent blindly. */
    CHECK_NEEDED,
    /** Reminder mode: the author was reminded to post it by hand. */
    MANUAL_DUE,
    /** Terlewat: 30 minutes overdue and nothing went out. */
    MISSED
}
