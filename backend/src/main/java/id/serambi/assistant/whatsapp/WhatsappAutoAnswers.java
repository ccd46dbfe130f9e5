package id.serambi.assistant.whatsapp;

import id.serambi.assistant.Assistant;
import id.serambi.assistant.knowledge.FaqService;
import id.serambi.assistant.settings.AssistantSettingsService;
import id.serambi.common.SerambiConfig;
import id.serambi.conversation.AutomaticAnswers;
import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.Conversations;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.logging.Logger;

/**
 * Tanya Perpustakaan on WhatsApp, while staff have switched it on ({@link AssistantSettingsService}): each new text
 * message the connector hands over is matched in Bahasa Indonesia (the language of the library's WhatsApp). A
 * confident answer is sent at once through the inbox ({@link Conversations#replyAutomatically}, which sends it as
 * WhatsApp text, inside the 24-hour window since the person just wrote, and stores it in the thread as an automatic
 * message) and resolves the thread unless someone is assigned to it. Otherwise the number gets {@link #HOLDING}, at most
 * once per thread and day in the library's time zone (claimed in the database, so concurrent messages send it once), and
 * the thread stays open for staff. The question is logged like the web's (the unanswered ones are the list staff read).
 * Off, nothing happens. Failures are logged with the thread's id and the platform's reason, never the token.
 */
@ApplicationScoped
public class WhatsappAutoAnswers implements AutomaticAnswers {

    private static final Logger LOG = Logger.getLogger(WhatsappAutoAnswers.class);

    /** The notice sent when no entry answers well enough. */
    static final String HOLDING = "Terima kasih, pesan Anda sudah kami terima. Pustakawan kami akan membalas secepatnya "
            + "pada jam layanan.";
    /** How an automatic answer is signed, so that the person knows no librarian wrote it. */
    static final String SIGNATURE = "— Tanya Perpustakaan (jawaban otomatis). Balas pesan ini bila perlu bantuan pustakawan.";

    private final AssistantSettingsService settings;
    private final Assistant assistant;
    private final Conversations conversations;
    private final HoldingNoticeRepository notices;
    private final FaqService faq;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    public WhatsappAutoAnswers(AssistantSettingsService settings, Assistant assistant, Conversations conversations,
            HoldingNoticeRepository notices, FaqService faq, SerambiConfig config) {
        this.settings = settings;
        this.assistant = assistant;
        this.conversations = conversations;
        this.notices = notices;
        this.faq = faq;
        this.zone = config.library().timeZone();
    }

    @Override
    public Uni<Void> received(ConversationChannel channel, long threadId, String text) {
        if (channel != ConversationChannel.WHATSAPP || text == null || text.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return settings.whatsappAutoAnswer().chain(on -> !on ? Uni.createFrom().voidItem()
                : assistant.answer(text, "id").chain(answer -> answer.isPresent()
                        ? conversations.replyAutomatically(threadId, text(answer.get()), true)
                                .call(() -> faq.logQuestion(text.strip(), "id", answer.get().entryId(),
                                        answer.get().confidence(), false))
                        : hold(threadId).call(() -> assistant.suggest(text, "id", 1).chain(best -> faq.logQuestion(
                                text.strip(), "id", null, best.isEmpty() ? 0 : best.get(0).confidence(), true)))));
    }

    /** The answer with its links (one a line) and the signature. */
    static String text(Assistant.Answer answer) {
        StringBuilder text = new StringBuilder(answer.text().strip());
        for (Assistant.Link link : answer.links()) {
            text.append("\n").append(link.label()).append(": ").append(link.url());
        }
        return text.append("\n\n").append(SIGNATURE).toString();
    }

    /** The notice, when this thread has not had it today; a notice that could not be sent is given back. */
    private Uni<Void> hold(long threadId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return claim(threadId, today).chain(claimed -> !claimed ? Uni.createFrom().voidItem()
                : conversations.replyAutomatically(threadId, HOLDING, false)
                        .onFailure().call(e -> release(threadId, today)));
    }

    @WithTransaction
    Uni<Boolean> claim(long threadId, LocalDate day) {
        return notices.claim(threadId, day);
    }

    @WithTransaction
    Uni<Void> release(long threadId, LocalDate day) {
        return notices.release(threadId, day);
    }
}
