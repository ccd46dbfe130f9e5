package id.serambi.event;

import io.smallrye.mutiny.Uni;

/**
 * Staff's message to a registrant whose WhatsApp send failed goes by e-mail instead, through that message's own e-mail
 * outbox (so it counts as e-mail, "fell back", in the message's history). Implemented by the event messaging
 * capability; opens its own transaction.
 */
public interface MessageFallBack {

    /** Queues the e-mail of message {@code messageId} to this registration; true when it was queued. */
    Uni<Boolean> byEmail(long messageId, long registrationId);
}
