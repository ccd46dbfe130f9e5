package id.serambi.conversation.whatsapp;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** What people write to the library's WhatsApp number, past the opt-out words the webhook handles itself. */
@ApplicationScoped
public class WhatsappInbound {

    /**
     * One inbound message from the webhook: {@code from} in E.164, its wamid, when it was written, its type ("text",
     * "image", ...) and its text (null for anything but text), the sender's profile name when WhatsApp gave one.
     */
    public record InboundMessage(String from, String wamid, Instant at, String type, String text, String profileName) {
    }

    /**
     * Receives every inbound message, BERHENTI and STOP included (already handled), on the webhook's transaction. It
     * does nothing yet: the conversations inbox (issue 18 part 1) will ingest it here as a thread of the number, keyed
     * by wamid so that a repeated delivery adds nothing twice, and opening the 24-hour window for free-text replies.
     */
    public Uni<Void> received(InboundMessage message) {
        return Uni.createFrom().voidItem();
    }
}
