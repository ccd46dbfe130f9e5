package id.serambi.assistant.answers;

import id.serambi.assistant.knowledge.LiveAnswer;
import id.serambi.assistant.matching.FaqAnalyzers;
import id.serambi.challenge.Challenges;
import id.serambi.common.SerambiConfig;
import id.serambi.event.Events;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Answers that list Serambi's own data after the entry's text: EVENTS the next published events (through the event
 * feature's {@link Events}), each with its page; CHALLENGES the open reading challenges ({@link Challenges}), each
 * with its page. HOURS and ADDRESS need nothing more: their answers hold {jam_buka} and {alamat}.
 *
 * <p>An events question is read for what and when: the words left once the words of any events question are taken
 * away ("ada diskusi buku?" leaves "diskusi buku") pick the events whose title or description has them, compared as
 * the matcher compares (stemmed, synonyms); "hari ini", "besok", "minggu ini" and "bulan ini" (and "today",
 * "tomorrow", "this week", "this month") narrow the period, in the library's time zone. When no event has a word of the
 * topic, the period's events are listed as they come (a word may be only a way of asking); when the period has none,
 * the answer says so and lists the next events instead.
 */
@ApplicationScoped
public class LiveAnswers {

    /** How many events or challenges an answer lists. */
    static final int LISTED = 3;
    /** How far ahead events are looked for. */
    static final Duration AHEAD = Duration.ofDays(60);

    /** Words of any question about events: what is left of a question without them is its topic. */
    private static final String EVENT_WORDS = "acara kegiatan event events jadwal agenda program minggu pekan ini hari "
            + "besok lusa bulan depan nanti ada apa saja terdekat berikutnya selanjutnya daftar pendaftaran ikut gabung "
            + "upcoming schedule this week today tomorrow month next coming any are there what list which perpustakaan "
            + "perpus library kapan when online virtual cara bagaimana gimana gmn";

    private final Events events;
    private final Challenges challenges;
    private final FaqAnalyzers analyzers;
    private final ZoneId zone;
    private final Set<String> eventWords = new HashSet<>();

    public LiveAnswers(Events events, Challenges challenges, SerambiConfig config, AssistantIndex index) {
        this.analyzers = index.analyzers();
        this.events = events;
        this.challenges = challenges;
        this.zone = config.library().timeZone();
        for (String language : List.of("id", "en")) {
            eventWords.addAll(analyzers.terms(language, EVENT_WORDS));
        }
    }

    /** The period an events question asks about, from now. */
    record Period(Instant from, Instant to, boolean narrowed) {
    }

    /** "hari ini", "besok", "minggu ini", "bulan ini" (and English) narrow the 60 days ahead, in the library's zone. */
    Period period(String question, Instant now) {
        String q = " " + question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate end;
        if (q.contains(" hari ini ") || q.contains(" today ") || q.contains(" tonight ") || q.contains(" nanti malam ")) {
            end = today.plusDays(1);
        } else if (q.contains(" besok ") || q.contains(" tomorrow ")) {
            return new Period(today.plusDays(1).atStartOfDay(zone).toInstant(), today.plusDays(2).atStartOfDay(zone).toInstant(), true);
        } else if (q.contains(" minggu ini ") || q.contains(" pekan ini ") || q.contains(" this week ")) {
            end = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        } else if (q.contains(" bulan ini ") || q.contains(" this month ")) {
            end = today.with(TemporalAdjusters.firstDayOfNextMonth());
        } else {
            return new Period(now, now.plus(AHEAD), false);
        }
        return new Period(now, end.atStartOfDay(zone).toInstant(), true);
    }

    /** The question's topic: its terms that are not words of any events question. */
    Set<String> topic(String question, boolean english) {
        Set<String> terms = new HashSet<>(analyzers.terms(english ? "en" : "id", question));
        terms.removeAll(eventWords);
        return terms;
    }

    /** Whether the event's title or description has a word of the topic. */
    private boolean about(Events.EventSummary event, Set<String> topic, boolean english) {
        String text = event.title() + " " + (event.description() == null ? ""
                : event.description().substring(0, Math.min(500, event.description().length())));
        Set<String> terms = analyzers.terms(english ? "en" : "id", text);
        return topic.stream().anyMatch(terms::contains);
    }

    /** The answer with the live data its entry asks for added; unchanged for a hand-over or another kind. */
    @WithSession
    public Uni<AssistantDtos.Answer> add(AssistantDtos.Answer answer, LiveAnswer live, String question, boolean english) {
        if (answer.handedOver() || live == null) {
            return Uni.createFrom().item(answer);
        }
        return switch (live) {
            case EVENTS -> {
                Instant now = Instant.now();
                Period period = period(question, now);
                Set<String> topic = topic(question, english);
                yield events.startingBetween(now, now.plus(AHEAD)).map(all -> {
                    List<Events.EventSummary> published = all.stream().filter(e -> "PUBLISHED".equals(e.status())).toList();
                    List<Events.EventSummary> inPeriod = published.stream()
                            .filter(e -> !e.startsAt().isBefore(period.from()) && e.startsAt().isBefore(period.to())).toList();
                    List<Events.EventSummary> onTopic = topic.isEmpty() ? List.of()
                            : inPeriod.stream().filter(e -> about(e, topic, english)).toList();
                    List<Events.EventSummary> listed;
                    String heading;
                    if (!onTopic.isEmpty()) {
                        listed = onTopic;
                        heading = english ? "Events that fit your question:" : "Acara yang sesuai dengan pertanyaan Anda:";
                    } else if (!inPeriod.isEmpty() || !period.narrowed()) {
                        // A word no event has may be only a way of asking: the period's events, without claiming a fit.
                        listed = inPeriod;
                        heading = english ? "Coming up:" : "Acara berikutnya:";
                    } else {
                        listed = published;
                        heading = english ? "Nothing is scheduled then; coming up after that:"
                                : "Belum ada acara pada waktu itu. Acara berikutnya:";
                    }
                    return with(answer, listed.stream().limit(LISTED)
                            .map(e -> new Item(e.title() + " (" + e.when() + ")", e.title(), "/acara/" + e.id())).toList(),
                            english ? "No events are scheduled in the coming weeks." : "Belum ada acara terjadwal dalam beberapa minggu ke depan.",
                            heading);
                });
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
