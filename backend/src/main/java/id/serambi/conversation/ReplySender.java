package id.serambi.conversation;

import io.smallrye.mutiny.Uni;

/**
 * Sends staff's replies on one channel: a platform connector implements it as a CDI bean, and the inbox finds it by
 * {@link #channel()}. A channel with no sender (or whose sender is not {@link #ready()}) answers 409
 * channel-not-connected and stores nothing.
 */
public interface ReplySender {

    ConversationChannel channel();

    /** Whether the channel's account is connected now. Chain on the caller's session (the inbox opens one). */
    Uni<Boolean> ready();

    /**
     * Sends the reply and answers the platform's id of the sent message. Called outside any transaction, since it waits
     * on the platform. Fails with {@link ReplyFailure} when the platform refused it.
     */
    Uni<String> send(OutgoingReply reply);

    /** A reply to send: the thread's kind and key, the contact, the message it answers (the last inbound one). */
    record OutgoingReply(ConversationKind kind, String threadKey, String accountId, String contactId,
            String inReplyToExternalId, String text) {
    }

    /** The platform refused the reply; the message says why, for staff. */
    class ReplyFailure extends RuntimeException {
        public ReplyFailure(String message) {
            super(message, null, false, false);
        }
    }
}
