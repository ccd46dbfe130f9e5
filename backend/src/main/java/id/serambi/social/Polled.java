package id.serambi.social;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one poll of a connected account's inbox found (X mentions, Meta comments and conversations), for the
 * conversations feature to ingest. Messages by the account itself are left out.
 *
 * @param items    the messages, in the order the platform gave them (not necessarily by time)
 * @param newestId the newest id the platform reported (X's {@code meta.newest_id}), to poll since next time; null
 *                 when nothing new came, or when {@code complete} is false
 * @param complete whether every page was read; when a rate limit stopped the paging part-way, the items read are
 *                 kept but the next poll must start from the same place
 * @param waitFor  how long the platform asked Serambi to wait before calling again (X's {@code x-rate-limit-remaining}
 *                 reached 0 and {@code x-rate-limit-reset} is ahead), or null
 */
public record Polled(List<Item> items, String newestId, boolean complete, Duration waitFor) {

    public Polled {
        items = List.copyOf(items);
    }

    /** A comment (or reply) on the library's post, a direct message, or a mention. */
    public enum Kind {
        COMMENT, DIRECT, MENTION
    }

    /**
     * One message, in the terms of the conversations inbox (see its InboundMessage).
     *
     * @param threadKey the root comment's id, the sender's scoped id, or X's {@code conversation_id}
     * @param externalId the platform's id of the message (comment id, message id, post id on X)
     * @param accountId the library's account that received it
     * @param postExternalId the library's post it is about, or null
     */
    public record Item(SocialPlatform platform, Kind kind, String threadKey, String externalId, String accountId,
            String senderId, String senderName, String text, Instant sentAt, String postExternalId) {
    }
}
