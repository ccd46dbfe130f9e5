package id.serambi.conversation.threads;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The inbox's jobs (README "Conversations (API)"). Every key is also an environment variable:
 * SERAMBI_CONVERSATIONS_UNASSIGNED_ALERT_AFTER, SERAMBI_CONVERSATIONS_UNASSIGNED_ALERT_EVERY,
 * SERAMBI_CONVERSATIONS_MINOR_RETENTION, SERAMBI_CONVERSATIONS_MINOR_PURGE_EVERY.
 */
@ConfigMapping(prefix = "serambi.conversations")
public interface ConversationSettings {

    /** Staff are told of a thread that has had no assignee (and is not DONE) for longer than this (ISO-8601). */
    @WithDefault("PT30M")
    Duration unassignedAlertAfter();

    /** How often one instance looks for such threads, as the scheduler reads it ("1m", or "off"). */
    @WithDefault("1m")
    String unassignedAlertEvery();

    /** A minor's messages and notes are deleted this long after they were sent or written (ISO-8601, e.g. P180D). */
    @WithDefault("P180D")
    Duration minorRetention();

    /** How often the minors' retention runs ("1h", or "off"). */
    @WithDefault("1h")
    String minorPurgeEvery();
}
