package id.serambi.assistant.suggestions;

import id.serambi.assistant.Assistant;
import id.serambi.conversation.Conversations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Suggested answers for staff replying in the inbox: the knowledge base's best entries for the thread's latest inbound
 * message (read through the inbox's {@link Conversations}), whatever their confidence. Nothing is logged: staff's
 * reading of a thread is not a question asked.
 */
@ApplicationScoped
public class ReplySuggestionService {

    /** How many suggestions the reply box shows. */
    static final int SHOWN = 3;

    private final Conversations conversations;
    private final Assistant assistant;

    public ReplySuggestionService(Conversations conversations, Assistant assistant) {
        this.conversations = conversations;
        this.assistant = assistant;
    }

    /** Up to {@value #SHOWN} suggestions, the best first; none when the thread has no inbound message; 404 without a thread. */
    public Uni<List<ReplySuggestionDtos.Suggestion>> suggest(long threadId, String language) {
        return conversations.latestInbound(threadId).chain(text -> text == null || text.isBlank()
                ? Uni.createFrom().item(List.<ReplySuggestionDtos.Suggestion>of())
                : assistant.suggest(text, language, SHOWN).map(found -> found.stream()
                        .map(s -> new ReplySuggestionDtos.Suggestion(s.entryId(), s.question(), s.answer(), s.confidence()))
                        .toList()));
    }
}
