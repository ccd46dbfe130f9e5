package id.serambi.conversation.threads;

import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.conversation.IngestResult;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The inbox's published interface. {@link Conversations#ingest}: the thread is found or opened, the message inserted unless its (channel, external id)
 * is there already (the unique index decides, so concurrent deliveries store it once), then the thread touched. The
 * latest inbound text and automatic replies go to {@link ThreadService} and {@link ReplyService}.
 */
@ApplicationScoped
public class ThreadIngest implements Conversations {

    private final ThreadRepository threads;
    private final ThreadService service;
    private final ReplyService replies;

    public ThreadIngest(ThreadRepository threads, ThreadService service, ReplyService replies) {
        this.threads = threads;
        this.service = service;
        this.replies = replies;
    }

    @Override
    public Uni<String> latestInbound(long threadId) {
        return service.latestInbound(threadId);
    }

    @Override
    public Uni<Void> replyAutomatically(long threadId, String text, boolean resolves) {
        return replies.replyAutomatically(threadId, text, resolves);
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
