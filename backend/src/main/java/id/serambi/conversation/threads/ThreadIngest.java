package id.serambi.conversation.threads;

import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.conversation.IngestResult;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link Conversations#ingest}: the thread is found or opened, the message inserted unless its (channel, external id)
 * is there already (the unique index decides, so concurrent deliveries store it once), then the thread touched.
 */
@ApplicationScoped
public class ThreadIngest implements Conversations {

    private final ThreadRepository threads;

    public ThreadIngest(ThreadRepository threads) {
        this.threads = threads;
    }

    @Override
    @WithTransaction
    public Uni<IngestResult> ingest(InboundMessage message) {
        return threads.openThread(message).chain(threadId -> threads.insertInbound(threadId, message).chain(messageId -> {
            if (messageId == null) {
                return threads.messageByExternalId(message.channel(), message.externalId())
                        .map(existing -> new IngestResult(threadId, existing, true));
            }
            return threads.touchInbound(threadId, message).call(() -> threads.announce(threadId))
                    .replaceWith(new IngestResult(threadId, messageId, false));
        }));
    }
}
