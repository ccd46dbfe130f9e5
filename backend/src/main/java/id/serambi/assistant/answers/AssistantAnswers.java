package id.serambi.assistant.answers;

import id.serambi.assistant.Assistant;
import id.serambi.assistant.knowledge.FaqDtos;
import id.serambi.assistant.matching.FaqIndex;
import id.serambi.common.SerambiConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * {@link Assistant}: the same matching, threshold, placeholders and live lists as {@link AssistantService#ask} (through
 * its {@code answer} and {@code fill}), without the log; suggestions are the index's best entries with their answers
 * filled in, whatever their confidence (their live lists are left to the answer staff send).
 */
@ApplicationScoped
public class AssistantAnswers implements Assistant {

    /** The most suggestions one call gives. */
    static final int MOST = 10;

    private final AssistantIndex index;
    private final AssistantService service;
    private final LiveAnswers live;
    private final Vertx vertx;
    private final String publicUrl;

    public AssistantAnswers(AssistantIndex index, AssistantService service, LiveAnswers live, Vertx vertx,
            SerambiConfig config) {
        this.index = index;
        this.service = service;
        this.live = live;
        this.vertx = vertx;
        this.publicUrl = config.publicUrl().endsWith("/") ? config.publicUrl().substring(0, config.publicUrl().length() - 1)
                : config.publicUrl();
    }

    @Override
    public Uni<Optional<Answer>> answer(String text, String language) {
        boolean english = "en".equals(language);
        String question = text == null ? "" : text.strip();
        if (question.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return vertx.executeBlocking(() -> service.answer(index.current(), question, english), false)
                .chain(m -> m.answer().handedOver() ? Uni.createFrom().item(Optional.<Answer>empty())
                        : live.add(m.answer(), m.live(), question, english).map(a -> Optional.of(new Answer(a.entryId(), a.answer(),
                                a.confidence(), a.links().stream().map(l -> new Link(l.label(), absolute(l.url()))).toList()))));
    }

    @Override
    public Uni<List<Suggestion>> suggest(String text, String language, int limit) {
        boolean english = "en".equals(language);
        String question = text == null ? "" : text.strip();
        int wanted = Math.max(1, Math.min(MOST, limit));
        if (question.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return vertx.executeBlocking(() -> {
            AssistantIndex.Snapshot snapshot = index.current();
            return snapshot.index().top(question, wanted).stream()
                    .filter(m -> snapshot.entries().containsKey(m.key()))
                    .map(m -> suggestion(snapshot.entries().get(m.key()), m, english)).toList();
        }, false);
    }

    private Suggestion suggestion(FaqDtos.View entry, FaqIndex.Match match, boolean english) {
        return new Suggestion(entry.id(), english ? entry.questionEn() : entry.questionId(),
                service.fill(english ? entry.answerEn() : entry.answerId()), Math.round(match.confidence() * 1000) / 1000.0);
    }

    private String absolute(String url) {
        return url.startsWith("/") ? publicUrl + url : url;
    }
}
