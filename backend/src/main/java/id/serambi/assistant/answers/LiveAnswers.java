package id.serambi.assistant.answers;

import id.serambi.assistant.knowledge.LiveAnswer;
import id.serambi.challenge.Challenges;
import id.serambi.event.Events;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers that list Serambi's own data after the entry's text: EVENTS the next published events (through the event
 * feature's {@link Events}), each with its page; CHALLENGES the open reading challenges ({@link Challenges}), each
 * with its page. HOURS and ADDRESS need nothing more: their answers hold {jam_buka} and {alamat}.
 */
@ApplicationScoped
public class LiveAnswers {

    /** How many events or challenges an answer lists. */
    static final int LISTED = 3;
    /** How far ahead events are looked for. */
    static final Duration AHEAD = Duration.ofDays(60);

    private final Events events;
    private final Challenges challenges;

    public LiveAnswers(Events events, Challenges challenges) {
        this.events = events;
        this.challenges = challenges;
    }

    /** The answer with the live data its entry asks for added; unchanged for a hand-over or another kind. */
    @WithSession
    public Uni<AssistantDtos.Answer> add(AssistantDtos.Answer answer, LiveAnswer live, boolean english) {
        if (answer.handedOver() || live == null) {
            return Uni.createFrom().item(answer);
        }
        return switch (live) {
            case EVENTS -> {
                Instant now = Instant.now();
                yield events.startingBetween(now, now.plus(AHEAD)).map(list -> with(answer, list.stream()
                        .filter(e -> "PUBLISHED".equals(e.status())).limit(LISTED)
                        .map(e -> new Item(e.title() + " (" + e.when() + ")", e.title(), "/acara/" + e.id())).toList(),
                        english ? "No events are scheduled in the coming weeks." : "Belum ada acara terjadwal dalam beberapa minggu ke depan.",
                        english ? "Coming up:" : "Acara berikutnya:"));
            }
            case CHALLENGES -> challenges.open().map(list -> with(answer, list.stream().limit(LISTED)
                    .map(c -> new Item(c.title(), c.title(), "/tantangan/" + c.id())).toList(),
                    english ? "No reading challenge is open right now." : "Saat ini belum ada tantangan membaca yang dibuka.",
                    english ? "Open challenges:" : "Tantangan yang sedang berjalan:"));
            default -> Uni.createFrom().item(answer);
        };
    }

    private record Item(String line, String label, String url) {
    }

    private static AssistantDtos.Answer with(AssistantDtos.Answer answer, List<Item> items, String none, String heading) {
        StringBuilder text = new StringBuilder(answer.answer()).append("\n\n");
        List<AssistantDtos.Link> links = new ArrayList<>();
        if (items.isEmpty()) {
            text.append(none);
        } else {
            text.append(heading);
            for (Item item : items) {
                text.append("\n• ").append(item.line());
                links.add(new AssistantDtos.Link(item.label(), item.url()));
            }
        }
        links.addAll(answer.links());
        return new AssistantDtos.Answer(text.toString(), answer.entryId(), answer.confidence(), false, links);
    }
}
