package id.serambi.assistant.knowledge;

import id.serambi.common.IfMatch;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The knowledge base staff maintain. Every write NOTIFYs {@link FaqRepository#CHANNEL} in its transaction, so every
 * instance's assistant rebuilds its index from the committed entries.
 */
@ApplicationScoped
public class FaqService {

    /** The most distinct unanswered questions listed. */
    static final int UNANSWERED = 200;

    private final FaqRepository faq;

    public FaqService(FaqRepository faq) {
        this.faq = faq;
    }

    @WithSession
    public Uni<List<FaqDtos.View>> list() {
        return faq.list(false);
    }

    /** The entries that answer. */
    @WithSession
    public Uni<List<FaqDtos.View>> active() {
        return faq.list(true);
    }

    @WithSession
    public Uni<FaqDtos.View> get(long id) {
        return existing(id, false);
    }

    @WithTransaction
    public Uni<FaqDtos.View> create(FaqDtos.Request request) {
        return faq.create(request).chain(id -> id == null ? Uni.createFrom().failure(keyTaken(request.key()))
                : faq.announce().chain(() -> existing(id, false)));
    }

    @WithTransaction
    public Uni<FaqDtos.View> update(long id, int version, FaqDtos.Request request) {
        return existing(id, true).chain(current -> {
            IfMatch.check("FAQ entry", id, current.version(), version);
            return faq.keyTaken(request.key(), id);
        }).chain(taken -> taken ? Uni.createFrom().failure(keyTaken(request.key()))
                : faq.update(id, request).chain(faq::announce).chain(() -> existing(id, false)));
    }

    @WithTransaction
    public Uni<Void> delete(long id) {
        return faq.delete(id).chain(deleted -> {
            if (!deleted) {
                return Uni.createFrom().failure(ProblemException.notFound("FAQ entry", id));
            }
            return faq.announce();
        });
    }

    /** The questions handed over to a librarian, the same text once with its count, most recently asked first. */
    @WithSession
    public Uni<List<FaqDtos.Unanswered>> unanswered() {
        return faq.unanswered(UNANSWERED);
    }

    /** Logs a question the assistant was asked, and what it did. */
    @WithTransaction
    public Uni<Void> logQuestion(String question, String language, Long entryId, double confidence, boolean handedOver) {
        return faq.logQuestion(question, language, entryId, confidence, handedOver);
    }

    /** The demo knowledge base, when there is none yet (one by one, in one transaction); how many were added. */
    @WithTransaction
    public Uni<Integer> loadWhenEmpty(List<FaqDtos.Request> entries) {
        return faq.count().chain(n -> n > 0 ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(entries).onItem().transformToUniAndConcatenate(faq::create).collect().asList()
                        .chain(ids -> faq.announce().replaceWith(ids.size())));
    }

    private Uni<FaqDtos.View> existing(long id, boolean lock) {
        return faq.find(id, lock).map(entry -> {
            if (entry == null) {
                throw ProblemException.notFound("FAQ entry", id);
            }
            return entry;
        });
    }

    private static ProblemException keyTaken(String key) {
        return ProblemException.conflict("key-taken", "Key taken",
                "Another FAQ entry has the key \"" + key + "\"; choose another key");
    }
}
