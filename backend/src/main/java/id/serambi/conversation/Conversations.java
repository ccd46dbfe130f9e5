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
}
