package id.serambi.conversation.threads;

import id.serambi.common.ProblemException;
import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ReplySender;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Staff's replies: the channel's {@link ReplySender} sends it first (outside any transaction, since it waits on the
 * platform), and only a reply the platform took is stored. A channel with no sender, or not connected, is a 409
 * channel-not-connected; a refusal by the platform a 502 reply-failed; neither stores anything.
 */
@ApplicationScoped
public class ReplyService {

    private final ThreadService threads;
    private final Instance<ReplySender> senders;
    private final Clock clock;

    public ReplyService(ThreadService threads, @Any Instance<ReplySender> senders) {
        this.threads = threads;
        this.senders = senders;
        this.clock = Clock.systemUTC();
    }

    public Uni<ThreadDtos.Message> reply(long threadId, long authorId, String body) {
        String text = body.strip();
        return send(threadId, text, (head, externalId) -> threads.recordReply(head, externalId, authorId, text,
                Instant.now(clock)));
    }

    /** A reply nobody on the staff wrote ({@link id.serambi.conversation.Conversations#replyAutomatically}). */
    public Uni<Void> replyAutomatically(long threadId, String body, boolean resolves) {
        String text = body.strip();
        return send(threadId, text, (head, externalId) -> threads.recordAutomaticReply(head, externalId, text,
                Instant.now(clock), resolves));
    }

    /** Sends the text on the thread's channel, then records it as {@code record} says. */
    private <T> Uni<T> send(long threadId, String text, BiFunction<ThreadRepository.Head, String, Uni<T>> record) {
        return threads.replyTarget(threadId).chain(target -> {
            ConversationChannel channel = target.head().channel();
            Optional<ReplySender> sender = senders.stream().filter(s -> s.channel() == channel).findFirst();
            if (sender.isEmpty()) {
                return Uni.createFrom().failure(notConnected(channel));
            }
            return threads.connected(sender.get()).chain(ready -> {
                if (!ready) {
                    return Uni.createFrom().failure(notConnected(channel));
                }
                ThreadRepository.Head head = target.head();
                return sender.get().send(new ReplySender.OutgoingReply(head.kind(), head.threadKey(), head.accountId(),
                        head.contactId(), target.inReplyTo(), text))
                        .onFailure(ReplySender.ReplyFailure.class).transform(e -> new ProblemException(502, "reply-failed",
                                "The platform refused the reply", channel + " did not take the reply: " + e.getMessage()
                                        + "; nothing was stored"))
                        .chain(externalId -> record.apply(head, externalId));
            });
        });
    }

    private static ProblemException notConnected(ConversationChannel channel) {
        return ProblemException.conflict("channel-not-connected", "Channel not connected",
                "Serambi cannot reply on " + channel + ": the account is not connected; nothing was stored");
    }
}
