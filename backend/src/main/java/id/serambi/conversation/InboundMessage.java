package id.serambi.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * One message that arrived on a platform, as its connector understood it.
 *
 * @param channel the platform
 * @param kind a comment, a direct message or a mention
 * @param threadKey the platform's grouping key: the root comment's id for comments (a reply joins its root's
 *        thread), the sender's scoped id for direct messages, the wa_id for WhatsApp
 * @param externalId the platform's id of this message (comment id, Messenger mid, wamid): the idempotency key
 * @param accountId the library's own account that received it (the Page id, Instagram account id, phone number id)
 * @param senderId the sender's platform id
 * @param senderName the sender's name or handle, when the platform gave one
 * @param text the message's text (an attachment without text is described, e.g. "[gambar]")
 * @param sentAt when the platform says it was sent
 * @param postExternalId the platform's id of the library's post it comments on (a published variant's
 *        {@code external_id}), or null
 */
public record InboundMessage(ConversationChannel channel, ConversationKind kind, String threadKey, String externalId,
        String accountId, String senderId, String senderName, String text, Instant sentAt, String postExternalId) {

    /** The longest text stored; a longer one is cut. */
    public static final int MAX_TEXT = 10_000;

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        requireText(threadKey, "threadKey", 300);
        requireText(externalId, "externalId", 300);
        requireText(accountId, "accountId", 200);
        requireText(senderId, "senderId", 200);
        Objects.requireNonNull(sentAt, "sentAt");
        if (postExternalId != null && (postExternalId.isBlank() || postExternalId.length() > 200)) {
            throw new IllegalArgumentException("postExternalId must be 1 to 200 characters");
        }
        senderName = senderName == null || senderName.isBlank() ? null : senderName.replace("\u0000", "");
        if (senderName != null && senderName.length() > 300) {
            senderName = senderName.substring(0, 300);
        }
        text = text == null ? "" : text.replace("\u0000", "");
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }
}
