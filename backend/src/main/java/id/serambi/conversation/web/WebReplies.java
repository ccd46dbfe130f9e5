package id.serambi.conversation.web;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ReplySender;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Staff's replies to a web asker: always ready, since nothing is sent to a platform. The inbox stores the reply and
 * announces the thread (NOTIFY), and the asker's open stream on any instance reads it from there
 * ({@link WebConversationService#follow}); after a reload, the asker fetches the conversation again.
 */
@Singleton
public class WebReplies implements ReplySender {

    @Override
    public ConversationChannel channel() {
        return ConversationChannel.WEB;
    }

    @Override
    public Uni<Boolean> ready() {
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<String> send(OutgoingReply reply) {
        return Uni.createFrom().item("web-reply:" + UUID.randomUUID());
    }
}
