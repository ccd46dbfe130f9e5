package id.serambi.conversation.web;

import id.serambi.common.ProblemException;
import id.serambi.conversation.threads.ThreadFeed;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A web asker's side of a conversation, found only by its token: the messages (never staff's notes), a follow-up
 * message, and the live stream of the library's replies. A malformed token, or one no conversation has, is a 404 and
 * changes nothing.
 */
@ApplicationScoped
public class WebConversationService {

    private final WebConversationRepository web;
    private final WebInbox inbox;
    private final ThreadFeed feed;

    public WebConversationService(WebConversationRepository web, WebInbox inbox, ThreadFeed feed) {
        this.web = web;
        this.inbox = inbox;
        this.feed = feed;
    }

    @WithSession
    public Uni<WebConversationDtos.Conversation> conversation(String token) {
        return thread(token).chain(web::messages).map(WebConversationDtos.Conversation::new);
    }

    /** The asker's follow-up joins the thread (a DONE or WAITING one reopens); answers the stored message. */
    @WithTransaction
    public Uni<WebConversationDtos.Message> send(String token, String text) {
        String body = text.strip();
        return thread(token).chain(threadId -> inbox.ingest(WebToken.threadKey(token), null, body))
                .chain(stored -> web.messages(stored.threadId()).map(messages -> messages.stream()
                        .filter(m -> m.id() == stored.messageId()).findFirst().orElseThrow()));
    }

    /** Fails with a 404 problem unless a conversation has the token (checked before a stream starts). */
    public Uni<Void> watchable(String token) {
        return start(token).replaceWithVoid();
    }

    /** An item of {@link #follow}: a reply, or a heartbeat (null reply). */
    public record Item(WebConversationDtos.Message reply) {
        static final Item HEARTBEAT = new Item(null);
    }

    /**
     * The library's replies in the conversation from now on, on whichever instance staff sent them (the inbox's NOTIFY
     * of the changed thread), with a heartbeat every {@code heartbeat}, until {@code until}. A reply is read once the
     * stream listens, so one committed while it was starting is not lost; each is sent once.
     */
    public Multi<Item> follow(String token, Duration heartbeat, Instant until) {
        return Multi.createFrom().uni(start(token)).onItem().transformToMultiAndConcatenate(start -> {
            Set<Long> sent = ConcurrentHashMap.newKeySet();
            Multi<Long> triggers = Multi.createBy().merging().streams(feed.changes(heartbeat, until)
                    .filter(id -> id == ThreadFeed.HEARTBEAT || id == start.threadId()), Multi.createFrom().item(start.threadId()));
            return triggers.onItem().transformToMultiAndConcatenate(id -> id == ThreadFeed.HEARTBEAT
                    ? Multi.createFrom().item(Item.HEARTBEAT)
                    : Multi.createFrom().uni(web.repliesNow(start.threadId(), start.lastMessageId()))
                            .onItem().transformToIterable(replies -> unsent(replies, sent)));
        });
    }

    private static List<Item> unsent(List<WebConversationDtos.Message> replies, Set<Long> sent) {
        return replies.stream().filter(m -> sent.add(m.id())).map(Item::new).toList();
    }

    private Uni<WebConversationRepository.Start> start(String token) {
        String key = WebToken.threadKey(token);
        return (key == null ? Uni.createFrom().<WebConversationRepository.Start>nullItem() : web.startNow(key))
                .onItem().ifNull().failWith(WebConversationService::unknown);
    }

    private Uni<Long> thread(String token) {
        String key = WebToken.threadKey(token);
        return (key == null ? Uni.createFrom().<Long>nullItem() : web.threadId(key)).onItem().ifNull().failWith(WebConversationService::unknown);
    }

    private static ProblemException unknown() {
        return new ProblemException(404, "not-found", "Not found", "No conversation has this token");
    }
}
