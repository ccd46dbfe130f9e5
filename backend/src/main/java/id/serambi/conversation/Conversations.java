package id.serambi.conversation;

import io.smallrye.mutiny.Uni;

/**
 * The published interface of the conversations inbox: what the platform connectors (Meta's webhooks, WhatsApp) and
 * other features may use. Everything else of the feature is private to it.
 */
public interface Conversations {

    /**
     * Records one message that arrived on a platform, in its own transaction. Idempotent on (channel, external message
     * id): a repeated delivery, even a concurrent one, adds nothing and answers {@link IngestResult#duplicate()}. The
     * message joins the thread of (channel, thread key), which is opened when there is none; a thread that was DONE or
     * WAITING is reopened (OPEN), and its last-message time moves to the message's sent-at when that is later (a
     * delivery that arrives out of order does not move it back).
     */
    Uni<IngestResult> ingest(InboundMessage message);

    /**
     * The text of the thread's latest inbound message, or null when it has none; fails with a 404 problem when there is
     * no such thread. In a session of its own.
     */
    Uni<String> latestInbound(long threadId);

    /**
     * Sends a reply nobody on the staff wrote (an {@link AutomaticAnswers} implementation's) through the thread's
     * channel, like staff's replies: outside any transaction, and stored only when the platform took it, marked
     * automatic, with no author. It does not count as the thread's first response. With {@code resolves} (the question is
     * answered) a NEW or OPEN thread that nobody is assigned to becomes DONE; an assigned thread stays with its
     * assignee. Fails with a problem (409 channel-not-connected, 502 reply-failed) when nothing was sent.
     */
    Uni<Void> replyAutomatically(long threadId, String text, boolean resolves);
}
