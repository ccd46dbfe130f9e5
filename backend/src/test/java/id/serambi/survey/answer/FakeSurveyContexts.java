package id.serambi.survey.answer;

import id.serambi.survey.SurveyContexts;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands for a feature a survey is attached to (the event and challenge features implement the real ones): it knows
 * only the manage tokens and events a test registered with it, and is not concerned with any other hint. Asked before
 * the real ones (a higher priority), so that an event or a registration of its own is not claimed by them first.
 */
@ApplicationScoped
@Priority(1000)
public class FakeSurveyContexts implements SurveyContexts {

    private static final Map<String, Context> BY_TOKEN = new ConcurrentHashMap<>();
    private static final Map<Long, Context> BY_EVENT = new ConcurrentHashMap<>();

    /** The context a hint with this manage token resolves to. */
    static void token(String manageToken, Context context) {
        BY_TOKEN.put(manageToken, context);
    }

    /** The context a hint naming this event (and no token) resolves to. */
    static void event(long eventId, Context context) {
        BY_EVENT.put(eventId, context);
    }

    @Override
    public Uni<Optional<Context>> resolve(long surveyId, Hint hint) {
        if (hint.manageToken() != null && BY_TOKEN.containsKey(hint.manageToken())) {
            return Uni.createFrom().item(Optional.of(BY_TOKEN.get(hint.manageToken())));
        }
        if (hint.manageToken() == null && hint.eventId() != null && BY_EVENT.containsKey(hint.eventId())) {
            Context c = BY_EVENT.get(hint.eventId());
            return Uni.createFrom().item(Optional.of(new Context(c.eventId(), c.challengeId(), c.phase(), c.registrationId(),
                    hint.accountId(), c.ageGroup(), c.minor(), c.contextKey())));
        }
        return Uni.createFrom().item(Optional.empty());
    }
}
