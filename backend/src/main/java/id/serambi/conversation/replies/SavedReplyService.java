package id.serambi.conversation.replies;

import id.serambi.common.IfMatch;
import id.serambi.common.ProblemException;
import id.serambi.conversation.threads.ThreadService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Saved replies and their placeholders. The server fills them ({@link #fill}): {nama} is the thread's contact (or a
 * polite stand-in when the platform gave no name), {acara} and {tautan} are what staff chose; a placeholder the reply
 * uses without a value is a 400 naming it.
 */
@ApplicationScoped
public class SavedReplyService {

    private final SavedReplyRepository replies;
    private final ThreadService threads;

    public SavedReplyService(SavedReplyRepository replies, ThreadService threads) {
        this.replies = replies;
        this.threads = threads;
    }

    @WithSession
    public Uni<List<SavedReplyDtos.View>> list() {
        return replies.list();
    }

    @WithSession
    public Uni<SavedReplyDtos.View> get(long id) {
        return existing(id, false);
    }

    @WithTransaction
    public Uni<SavedReplyDtos.View> create(SavedReplyDtos.Request request, long authorId) {
        return replies.create(request, authorId).chain(id -> {
            if (id == null) {
                return Uni.createFrom().failure(titleTaken(request.title()));
            }
            return existing(id, false);
        });
    }

    @WithTransaction
    public Uni<SavedReplyDtos.View> update(long id, int version, SavedReplyDtos.Request request) {
        return existing(id, true).chain(current -> {
            IfMatch.check("Saved reply", id, current.version(), version);
            return replies.titleTaken(request.title().strip(), id);
        }).chain(taken -> taken ? Uni.createFrom().failure(titleTaken(request.title()))
                : replies.update(id, request).chain(() -> existing(id, false)));
    }

    @WithTransaction
    public Uni<Void> delete(long id) {
        return replies.delete(id).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("Saved reply", id);
            }
            return null;
        });
    }

    /** The saved reply in the language asked, its placeholders filled for the thread. */
    @WithSession
    public Uni<SavedReplyDtos.Filled> fill(long threadId, long replyId, SavedReplyDtos.FillRequest request) {
        return threads.get(threadId).chain(thread -> existing(replyId, false).map(reply -> {
            boolean english = "en".equals(request.language());
            String text = english ? reply.bodyEn() : reply.bodyId();
            String name = thread.thread().contactName();
            text = text.replace("{nama}", name == null || name.isBlank() ? (english ? "there" : "Kak") : name);
            text = placeholder(text, "acara", request.acara());
            text = placeholder(text, "tautan", request.tautan());
            return new SavedReplyDtos.Filled(text);
        }));
    }

    private static String placeholder(String text, String name, String value) {
        String token = "{" + name + "}";
        if (!text.contains(token)) {
            return text;
        }
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(name, "the saved reply uses " + token + ": give its value");
        }
        return text.replace(token, value.strip());
    }

    private Uni<SavedReplyDtos.View> existing(long id, boolean lock) {
        return replies.find(id, lock).map(reply -> {
            if (reply == null) {
                throw ProblemException.notFound("Saved reply", id);
            }
            return reply;
        });
    }

    private static ProblemException titleTaken(String title) {
        return ProblemException.conflict("title-taken", "Title taken",
                "A saved reply is already called \"" + title.strip() + "\"; choose another title");
    }
}
