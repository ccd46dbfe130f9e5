package id.serambi.event;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Set;

/**
 * WhatsApp as a channel for the messages about a registration, for registrants who opted in. The event feature calls
 * it; the WhatsApp connector (conversation.whatsapp) implements it. Every method runs on the caller's context and opens
 * its own transaction: call it after the registration's transaction has committed.
 */
public interface RegistrantWhatsapp {

    /** What a message tells the registrant; each is one approved template. */
    enum Notice {
        CONFIRMED, WAITLISTED, PROMOTED, REMINDER, EVENT_CANCELLED
    }

    /**
     * One message to a registrant: the template's body parameters in order (see the README's WhatsApp templates).
     * {@code number} is E.164.
     */
    record Message(long registrationId, String number, Notice notice, List<String> parameters) {
    }

    /** Records the registrant's opt-in (the form's checkbox) in their language ("id" or "en"). */
    Uni<Void> optIn(long registrationId, String language);

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
}
