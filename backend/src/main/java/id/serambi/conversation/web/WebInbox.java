package id.serambi.conversation.web;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.InboundMessage;
import id.serambi.conversation.IngestResult;
import id.serambi.conversation.WebConversations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Tanya Perpustakaan's hand-over into the inbox: each question becomes an inbound message of a WEB, DIRECT thread
 * ({@link Conversations#ingest}, so a DONE or WAITING thread reopens), keyed by the conversation token's hash. The
 * sender is the signed-in account's display name, else "Pengunjung web"; the contact id is a pseudonym from the hash.
 * A signed-in asker's account is linked to the thread ({@code web_conversation}: exported, erased with it), and a
 * minor's marks the thread minor (the inbox's minors' retention then applies).
 */
@ApplicationScoped
public class WebInbox implements WebConversations {

    /** The library's own "account" on the web channel. */
    static final String ACCOUNT = "serambi-web";
    static final String ANONYMOUS_NAME = "Pengunjung web";

    private final Conversations conversations;
    private final WebConversationRepository web;

    public WebInbox(Conversations conversations, WebConversationRepository web) {
        this.conversations = conversations;
        this.web = web;
    }

    @Override
    public Uni<Boolean> known(String token) {
        String key = WebToken.threadKey(token);
        return key == null ? Uni.createFrom().item(false) : web.threadId(key).map(id -> id != null);
    }

    @Override
    public Uni<String> pass(String token, Asker asker, String question) {
        String kept = token == null ? WebToken.create() : token;
        String name = asker.name() == null || asker.name().isBlank() ? ANONYMOUS_NAME : asker.name();
        return ingest(WebToken.threadKey(kept), name, question).map(IngestResult::threadId).chain(threadId -> {
            Uni<Void> linked = asker.accountId() == null ? Uni.createFrom().voidItem() : web.link(threadId, asker.accountId());
            return asker.minor() ? linked.chain(() -> web.markMinor(threadId)) : linked;
        }).replaceWith(kept);
    }

    /** Adds the asker's message to the thread of the key (opened when there is none). */
    Uni<IngestResult> ingest(String threadKey, String senderName, String text) {
        return conversations.ingest(new InboundMessage(ConversationChannel.WEB, ConversationKind.DIRECT, threadKey,
                "web:" + UUID.randomUUID(), ACCOUNT, WebToken.contactId(threadKey), senderName, text, Instant.now(), null));
    }
}
