package id.serambi.assistant.answers;

import id.serambi.assistant.knowledge.FaqDtos;
import id.serambi.assistant.knowledge.LiveAnswer;
import id.serambi.assistant.matching.FaqIndex;
import id.serambi.common.SerambiConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Tanya Perpustakaan's answers: the best active entry at or above {@link AssistantSettings#threshold()} answers in
 * the language asked, its placeholders filled from the library's settings; below it the question is handed over with
 * a fixed answer saying a librarian will reply. An entry about events or challenges lists the next ones
 * ({@link LiveAnswers}). Every question is logged (staff see the handed-over ones); an asker
 * gets back only the answer to their own question.
 */
@ApplicationScoped
public class AssistantService {

    static final String HANDED_OVER_ID = "Maaf, kami belum punya jawaban untuk pertanyaan itu. Pertanyaan Anda sudah "
            + "diteruskan kepada pustakawan, yang akan menjawabnya secepatnya.";
    static final String HANDED_OVER_EN = "Sorry, we have no answer to that question yet. It has been passed on to a "
            + "librarian, who will answer it as soon as possible.";

    private final AssistantIndex index;
    private final AssistantSettings settings;
    private final Map<String, String> placeholders;
    private final Vertx vertx;
    private final LiveAnswers live;
    private final HandOverService handOver;

    public AssistantService(AssistantIndex index, AssistantSettings settings, SerambiConfig config, Vertx vertx,
            LiveAnswers live, HandOverService handOver) {
        this.handOver = handOver;
        this.index = index;
        this.settings = settings;
        this.vertx = vertx;
        this.live = live;
        SerambiConfig.Library library = config.library();
        this.placeholders = Map.of("{jam_buka}", library.hours(), "{alamat}", library.address(), "{telepon}", library.phone(),
                "{whatsapp}", library.whatsapp(), "{email}", library.email());
    }

    /** Answers an anonymous asker's question (matched on a worker thread: it is CPU work) and logs it. */
    public Uni<AssistantDtos.Answer> ask(AssistantDtos.Ask ask) {
        return ask(ask, null);
    }

    /**
     * Answers the question of the signed-in account (null: anonymous) and keeps it ({@link HandOverService}): a
     * question handed over, or asked in a conversation already handed over, goes to the inbox, and the answer carries
     * the conversation's token. An unknown token fails with a 404 before anything is written.
     */
    public Uni<AssistantDtos.Answer> ask(AssistantDtos.Ask ask, Long accountId) {
        String question = ask.question().strip();
        boolean english = "en".equals(ask.language());
        return vertx.executeBlocking(() -> answer(index.current(), question, english), false)
                .chain(m -> live.add(m.answer(), m.live(), question, english))
                .chain(a -> handOver.keep(question, english ? "en" : "id", a, ask.conversationToken(), accountId)
                        .map(a::inConversation));
    }

    /** An answer from the knowledge base, and the live data its entry adds. */
    record Matched(AssistantDtos.Answer answer, LiveAnswer live) {
    }

    Matched answer(AssistantIndex.Snapshot snapshot, String question, boolean english) {
        FaqIndex.Match match = snapshot.index().best(question);
        double confidence = Math.round(match.confidence() * 1000) / 1000.0;
        FaqDtos.View entry = match.key() == null ? null : snapshot.entries().get(match.key());
        if (entry == null || match.confidence() < settings.threshold()) {
            return new Matched(new AssistantDtos.Answer(english ? HANDED_OVER_EN : HANDED_OVER_ID, null, confidence, true, List.of()),
                    null);
        }
        List<AssistantDtos.Link> links = entry.links().stream()
                .map(l -> new AssistantDtos.Link(english ? l.label().en() : l.label().id(), l.url())).toList();
        return new Matched(new AssistantDtos.Answer(fill(english ? entry.answerEn() : entry.answerId()), entry.id(), confidence,
                false, links), entry.live());
    }

    /** The answer with the library's hours, address, phone, WhatsApp and e-mail in place of their placeholders. */
    String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            filled = filled.replace(p.getKey(), p.getValue());
        }
        return filled;
    }
}
