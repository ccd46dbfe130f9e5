package id.serambi.conversation.whatsapp;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ReplySender;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Staff's replies to a WhatsApp thread from the inbox: free text, which WhatsApp accepts only within 24 hours of the
 * person's last message (its customer-service window). Outside it the platform refuses (131047) and staff are told to
 * use a template message; a refused reply is not stored.
 */
@Singleton
public class WhatsappReplies implements ReplySender {

    private final WhatsappClient client;
    private final WhatsappSettings settings;

    public WhatsappReplies(WhatsappClient client, WhatsappSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public ConversationChannel channel() {
        return ConversationChannel.WHATSAPP;
    }

    @Override
    public Uni<Boolean> ready() {
        return Uni.createFrom().item(settings.sending());
    }

    @Override
    public Uni<String> send(OutgoingReply reply) {
        return client.sendText(reply.contactId(), reply.text()).onFailure(WhatsappFailure.class)
                .transform(failure -> new ReplyFailure(explain((WhatsappFailure) failure)));
    }

    /** Why WhatsApp refused, for staff, in the inbox's language. */
    static String explain(WhatsappFailure failure) {
        return switch (failure.kind()) {
            case OUTSIDE_WINDOW -> "Lebih dari 24 jam sejak pesan terakhirnya: WhatsApp hanya menerima pesan template.";
            case RETRY_LATER -> "WhatsApp sedang membatasi pengiriman; coba lagi sebentar lagi.";
            case INVALID_NUMBER -> "Nomor ini tidak dapat menerima pesan WhatsApp.";
            case TEMPLATE, REFUSED -> "WhatsApp menolak pesan ini (kode " + failure.code() + ").";
        };
    }
}
