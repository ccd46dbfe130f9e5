package id.serambi.conversation;

import io.smallrye.mutiny.Uni;

/**
 * Answers people's new messages without waiting for staff: another feature implements it as a CDI bean (Tanya
 * Perpustakaan, for WhatsApp), and a connector calls it once per new message it took, after the message was committed,
 * in the background (never for a repeated delivery, an opt-out keyword or a number that opted out). The
 * implementation decides whether to answer, and replies through {@link Conversations#replyAutomatically}. It reports
 * its own failures: a failed Uni is logged and dropped.
 */
public interface AutomaticAnswers {

    /** A new inbound text message of a thread on this channel. */
    Uni<Void> received(ConversationChannel channel, long threadId, String text);
}
