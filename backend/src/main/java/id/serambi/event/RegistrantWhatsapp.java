package id.serambi.event;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * WhatsApp as a channel for the messages about a registration, for registrants who opted in. The event feature calls
 * it; the WhatsApp connector (conversation.whatsapp) implements it. Every method opens its own transaction, or joins
 * the caller's when there is one: call the queuing methods after the registration's transaction has committed, or
 * inside the transaction that records what they carry (staff's message) and then {@link #sendSoon()} after it.
 */
public interface RegistrantWhatsapp {

    /** What a message tells the registrant; each is one approved template (README "WhatsApp for registrants"). */
    enum Notice {
        CONFIRMED, WAITLISTED, PROMOTED, REMINDER, EVENT_CANCELLED, SERIES_REGISTERED, MOVED, RESCHEDULED, STAFF_MESSAGE
    }

    /**
     * One message to a registrant: the template's body parameters in order (see the README's WhatsApp templates).
     * {@code number} is E.164.
     */
    record Message(long registrationId, String number, Notice notice, List<String> parameters) {
    }

    /** Staff's own message to a registrant ("Kirim pesan ke pendaftar"), recorded as event message {@code messageId}. */
    record StaffMessage(long registrationId, String number, long messageId, String eventTitle, String body) {
    }

    /** Whether a registration's messages go to WhatsApp. */
    enum Consent {
        /** Opted in, and the number never said BERHENTI. */
        OPTED_IN,
        /** Opted in, then switched off on the manage page (or erased). */
        WITHDRAWN,
        /** Opted in, but the number replied BERHENTI or STOP. */
        NUMBER_STOPPED
    }

    /** Where the latest WhatsApp message of a registration is. */
    enum Delivery {
        QUEUED, SENT, DELIVERED, READ, FAILED
    }

    /** A registration's WhatsApp state, for staff. */
    @Schema(name = "RegistrantWhatsappState", description = "The registration's WhatsApp consent and its latest message")
    record State(
            @Schema(examples = "OPTED_IN") Consent consent,
            @Schema(nullable = true, description = "The latest WhatsApp message's notice; null when none was sent",
                    examples = "STAFF_MESSAGE") Notice notice,
            @Schema(nullable = true, description = "The latest message's delivery as WhatsApp reported it",
                    examples = "READ") Delivery delivery,
            @Schema(description = "The latest message failed and went (or goes) by e-mail instead") boolean emailInstead,
            @Schema(nullable = true, description = "When that delivery state was reached") Instant at) {
    }

    /** Records the registrant's opt-in (the form's checkbox) in their language ("id" or "en"). */
    Uni<Void> optIn(long registrationId, String language);

    /** A registration moved to another event keeps its opt-in (when it had one that is not withdrawn). */
    Uni<Void> carryOver(long fromRegistrationId, long toRegistrationId);

    /** Withdraws the opt-in of this registration (the manage page); nothing more goes to WhatsApp for it. */
    Uni<Void> optOut(long registrationId);

    /** Whether the registration's messages go to WhatsApp: opted in, not withdrawn. */
    Uni<Boolean> optedIn(long registrationId);

    /**
     * Queues each message for WhatsApp whose registration opted in and whose number never said BERHENTI, in one
     * transaction; answers the registration ids WhatsApp carries (the caller sends those no e-mail: a failed send falls
     * back to e-mail through {@link RegistrantMails}). The others must go by e-mail.
     */
    Uni<Set<Long>> queue(List<Message> messages);

    /**
     * Queues staff's message like {@link #queue}: as free text when the number wrote to the library within the last 24
     * hours (WhatsApp's customer-service window), else as the STAFF_MESSAGE template (event title, the message
     * flattened to one line). Answers the registration ids WhatsApp carries; a failed send falls back to e-mail through
     * {@link MessageFallBack}.
     */
    Uni<Set<Long>> queueStaffMessages(List<StaffMessage> messages);

    /** Sends what was queued now, in the background, rather than at the next run (call after the commit). */
    void sendSoon();

    /**
     * The WhatsApp state of each of these registrations ({@code numbers}: registration id to its E.164 number, or null);
     * a registration that never opted in is absent.
     */
    Uni<Map<Long, State>> states(Map<Long, String> numbers);

    /** The WhatsApp personal data of these registrations (consent and message statuses), as a JSON array. */
    Uni<String> export(Collection<Long> registrationIds);

    /**
     * Erasure: withdraws these registrations' opt-ins and deletes their WhatsApp messages. The numbers that said
     * BERHENTI stay on the opt-out list: it is a suppression list and must outlive the registrations.
     */
    Uni<Void> erase(Collection<Long> registrationIds);
}
