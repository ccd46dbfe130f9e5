package id.serambi.conversation.whatsapp;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.IngestResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;

/**
 * What people write to the library's WhatsApp number, past the opt-out words the webhook handles itself: each message
 * becomes a message of the number's thread in the conversations inbox (keyed by wamid, so a repeated delivery adds
 * nothing twice).
 */
@ApplicationScoped
public class WhatsappInbound {

    /** What the inbox shows for a message without text, by WhatsApp's type. */
    private static final Map<String, String> NO_TEXT = Map.of("image", "[gambar]", "video", "[video]", "audio",
            "[pesan suara]", "document", "[dokumen]", "sticker", "[stiker]", "location", "[lokasi]", "contacts",
            "[kontak]");

    private final Conversations conversations;
    private final WhatsappSettings settings;

    public WhatsappInbound(Conversations conversations, WhatsappSettings settings) {
        this.conversations = conversations;
        this.settings = settings;
    }

    /**
     * One inbound message from the webhook: {@code from} in E.164, its wamid, when it was written, its type ("text",
     * "image", ...) and its text (null for anything but text), the sender's profile name when WhatsApp gave one.
     */
    public record InboundMessage(String from, String wamid, Instant at, String type, String text, String profileName) {
    }

    /**
     * Receives every inbound message, BERHENTI and STOP included (already handled, and kept in the thread so that staff
     * see it), on the webhook's transaction; answers what the inbox did, or null for a message without a sender or an
     * id, which is not one to keep.
     */
    public Uni<IngestResult> received(InboundMessage message) {
        if (message.from() == null || message.from().isBlank() || message.wamid() == null || message.wamid().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        String text = message.text() != null ? message.text()
                : NO_TEXT.getOrDefault(message.type(), "[" + (message.type() == null ? "pesan" : message.type()) + "]");
        String account = settings.phoneNumberId().filter(id -> !id.isBlank()).orElse("whatsapp");
        return conversations.ingest(new id.serambi.conversation.InboundMessage(ConversationChannel.WHATSAPP,
                ConversationKind.DIRECT, message.from(), message.wamid(), account, message.from(), message.profileName(),
                text, message.at() == null ? Instant.now() : message.at(), null));
    }
}
