package id.serambi.notification;

/** Each kind of notification; a person can turn off the e-mail of each kind (the in-app one always stays). */
public enum NotificationKind {
    /** Reviewers: a post awaits review. */
    REVIEW_REQUESTED,
    /** Author: their post was approved. */
    POST_APPROVED,
    /** Author: their post was rejected, with the note. */
    POST_REJECTED,
    /** Author: a variant is due and must be posted by hand (reminder mode), with its text and media. */
    POST_DUE_MANUAL,
    /** Author: a variant went out. */
    POST_PUBLISHED,
    /** Author: a variant failed for good, with the platform's message. */
    POST_FAILED,
    /** Author and reviewers: a variant is 30 minutes overdue and nothing went out ("Terlewat"). */
    POST_MISSED,
    /** Author and admins: an attempt was cut off (a crash); someone must check the platform before retrying. */
    POST_CHECK_NEEDED,
    /** Admins: a connected account's token expired or was revoked. */
    CONNECTION_NEEDS_RECONNECT,
    /** Admins: a connected account's token expires within 7 days. */
    CONNECTION_EXPIRING,
    /** Staff and admins: a conversation has waited unassigned longer than the set time (issue 18). */
    CONVERSATION_UNASSIGNED,
    /** Participants: a challenge ended, and its after-challenge survey waits for them (issue 20). */
    CHALLENGE_SURVEY
}
