package id.serambi.assistant.answers;

import id.serambi.account.Accounts;
import id.serambi.assistant.knowledge.FaqRepository;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.conversation.WebConversations;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Year;
import java.time.ZoneId;

/**
 * What is kept of a question, in one transaction: the question in {@code assistant_question} (linked to the signed-in
 * asker's account; a minor's is marked minor), and, when it goes to a librarian, a message in the inbox
 * ({@link WebConversations}). A question goes to the inbox when it is handed over, and also when it is asked in a
 * conversation already handed over (its token sent), answered or not, so that staff see what else the asker asked.
 * A token with no conversation is a 404 and nothing is written.
 */
@ApplicationScoped
public class HandOverService {

    /**
     * The age (reached this year: the account keeps only a birth year) up to which an asker counts as a minor: 18, so
     * that everyone who may still be 17 is one.
     */
    static final int MINOR_UP_TO = 18;

    private final FaqRepository faq;
    private final WebConversations inbox;
    private final Accounts accounts;
    private final ZoneId zone;

    public HandOverService(FaqRepository faq, WebConversations inbox, Accounts accounts, SerambiConfig config) {
        this.faq = faq;
        this.inbox = inbox;
        this.accounts = accounts;
        this.zone = config.library().timeZone();
    }

    /** Keeps the question and its answer's outcome; answers the conversation token when it went to the inbox, else null. */
    @WithTransaction
    public Uni<String> keep(String question, String language, AssistantDtos.Answer answer, String token, Long accountId) {
        Uni<Boolean> known = token == null ? Uni.createFrom().item(true) : inbox.known(token);
        return known.chain(exists -> {
            if (!exists) {
                return Uni.createFrom().failure(unknownToken());
            }
            return asker(accountId);
        }).chain(asker -> faq.logQuestion(question, language, answer.entryId(), answer.confidence(), answer.handedOver(),
                asker.accountId(), asker.minor())
                .chain(() -> answer.handedOver() || token != null ? inbox.pass(token, asker, question)
                        : Uni.createFrom().nullItem()));
    }

    private Uni<WebConversations.Asker> asker(Long accountId) {
        if (accountId == null) {
            return Uni.createFrom().item(WebConversations.Asker.ANONYMOUS);
        }
        return accounts.find(accountId, Year.now(zone).getValue()).map(member -> member == null ? WebConversations.Asker.ANONYMOUS
                : new WebConversations.Asker(member.id(), member.displayName(), member.age() <= MINOR_UP_TO));
    }

    static ProblemException unknownToken() {
        return new ProblemException(404, "not-found", "Not found",
                "No conversation has this token: ask without it to start a new one");
    }
}
