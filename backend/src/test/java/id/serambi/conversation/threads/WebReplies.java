package id.serambi.conversation.threads;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ReplySender;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in sender for the tests, on the WEB channel (which has no platform): it takes every reply, unless told to
 * refuse, and keeps what it was asked to send.
 */
@ApplicationScoped
public class WebReplies implements ReplySender {

    private final List<OutgoingReply> sent = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;

    /** What it was asked to send (through methods: the tests hold a client proxy). */
    public List<OutgoingReply> sent() {
        return sent;
    }

    public void refuse(boolean refuse) {
        this.refuse = refuse;
    }

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
        if (refuse) {
            return Uni.createFrom().failure(new ReplyFailure("(#10) Pesan tidak dapat dikirim"));
        }
        sent.add(reply);
        return Uni.createFrom().item("web-" + UUID.randomUUID());
    }
}
