package id.serambi.event.messaging;

import id.serambi.event.MessageFallBack;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Staff's message whose WhatsApp send failed goes back to the message's e-mail outbox (channel EMAIL, PENDING, marked
 * fell back), so {@link EventMessageSender} e-mails it like the others and the history counts it as "e-mail instead".
 */
@ApplicationScoped
public class EventMessageFallBack implements MessageFallBack {

    private final EventMessageRepository messages;
    private final EventMessageSender sender;

    public EventMessageFallBack(EventMessageRepository messages, EventMessageSender sender) {
        this.messages = messages;
        this.sender = sender;
    }

    @Override
    public Uni<Boolean> byEmail(long messageId, long registrationId) {
        return requeue(messageId, registrationId).invoke(queued -> {
            if (queued) {
                sender.wake();
            }
        });
    }

    @WithTransaction
    Uni<Boolean> requeue(long messageId, long registrationId) {
        return messages.fallBack(messageId, registrationId);
    }
}
