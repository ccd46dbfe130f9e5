package id.serambi.conversation.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.ProblemException;
import id.serambi.conversation.Conversations;
import id.serambi.conversation.IngestResult;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Meta's webhooks: the subscription handshake, and deliveries whose signature holds, read into inbound messages and
 * ingested one after another (each in its own transaction, each idempotent).
 */
@ApplicationScoped
public class MetaWebhookService {

    @Schema(name = "MetaWebhookReceipt", description = "What a delivery carried: the messages read, how many were new, how many repeats")
    public record Receipt(@Schema(examples = "2") int received, @Schema(examples = "1") int stored,
            @Schema(examples = "1") int duplicates) {
    }

    private final Conversations conversations;
    private final ObjectMapper mapper;
    private final MetaWebhookSettings settings;
    private final Optional<String> appSecret;

    public MetaWebhookService(Conversations conversations, ObjectMapper mapper, MetaWebhookSettings settings,
            @ConfigProperty(name = "serambi.social.meta-app-secret") Optional<String> appSecret) {
        this.conversations = conversations;
        this.mapper = mapper;
        this.settings = settings;
        this.appSecret = appSecret;
    }

    /** The handshake: answers the challenge when the mode is subscribe and the verify token is ours. */
    public String verify(String mode, String token, String challenge) {
        if (!"subscribe".equals(mode)) {
            throw ProblemException.invalidField("hub.mode", "must be subscribe");
        }
        if (challenge == null || challenge.isBlank() || challenge.length() > 500) {
            throw ProblemException.invalidField("hub.challenge", "must be 1 to 500 characters");
        }
        Optional<String> ours = settings.verifyToken().filter(t -> !t.isBlank());
        if (ours.isEmpty() || token == null || !MessageDigest.isEqual(ours.get().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("hub.verify_token is not this Serambi's verify token");
        }
        return challenge;
    }

    /** Checks the signature (401/403, nothing stored), reads the delivery (400 when it is not JSON) and ingests it. */
    public Uni<Receipt> receive(byte[] body, String signature) {
        MetaSignature.verify(appSecret, "SERAMBI_SOCIAL_META_APP_SECRET", body, signature);
        JsonNode delivery;
        try {
            delivery = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "Malformed JSON",
                    "The delivery is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json", "Malformed JSON", "The delivery could not be read");
        }
        if (delivery == null || !delivery.isObject()) {
            throw ProblemException.badRequest("malformed-json", "Malformed JSON", "The delivery must be a JSON object");
        }
        var messages = MetaDeliveries.read(delivery);
        return Multi.createFrom().iterable(messages).onItem().transformToUniAndConcatenate(conversations::ingest)
                .collect().asList().map(MetaWebhookService::receipt);
    }

    private static Receipt receipt(List<IngestResult> results) {
        int duplicates = (int) results.stream().filter(IngestResult::duplicate).count();
        return new Receipt(results.size(), results.size() - duplicates, duplicates);
    }
}
