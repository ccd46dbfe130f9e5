package id.serambi.conversation.whatsapp;

import id.serambi.common.ProblemException;
import id.serambi.conversation.meta.MetaSignature;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The Cloud API's webhook: the subscription's verification, and the deliveries of the "messages" field, signed with
 * the app secret. Statuses go on the outbox row of their wamid (never backwards); 'failed' makes the e-mail due. An
 * inbound BERHENTI or STOP opts the number out, MULAI or START back in; every inbound message then goes to
 * {@link WhatsappInbound}. A repeated delivery changes nothing.
 */
@ApplicationScoped
public class WhatsappWebhook {

    private static final Logger LOG = Logger.getLogger(WhatsappWebhook.class);
    static final Set<String> STOP_WORDS = Set.of("BERHENTI", "STOP");
    static final Set<String> START_WORDS = Set.of("MULAI", "START");
    private static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed");

    /** One status of a sent message. */
    record Status(String wamid, String status, Instant at, Integer code, String title) {
    }

    /** What one delivery holds. */
    record Delivery(List<Status> statuses, List<WhatsappInbound.InboundMessage> messages) {
    }

    private final WhatsappSettings settings;
    private final WhatsappRepository repository;
    private final WhatsappInbound inbound;
    private final WhatsappSender sender;

    public WhatsappWebhook(WhatsappSettings settings, WhatsappRepository repository, WhatsappInbound inbound,
            WhatsappSender sender) {
        this.settings = settings;
        this.repository = repository;
        this.inbound = inbound;
        this.sender = sender;
    }

    /** GET verification: the challenge when the mode is subscribe and the verify token is ours, else a 403. */
    public String verify(String mode, String verifyToken, String challenge) {
        String expected = settings.verifyToken().filter(t -> !t.isBlank()).orElse(null);
        if (expected == null || !"subscribe".equals(mode) || verifyToken == null || challenge == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        verifyToken.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("The verify token does not match this webhook's");
        }
        return challenge;
    }

    /** Checks the signature of the raw body, then stores what it holds; a forged or missing signature stores nothing. */
    public Uni<Void> deliver(byte[] body, String signature) {
        requireSignature(body, signature);
        Delivery delivery = parse(body);
        return store(delivery).invoke(failed -> {
            if (failed) {
                sender.wake();
            }
        }).replaceWithVoid();
    }

    void requireSignature(byte[] body, String signature) {
        MetaSignature.verify(settings.appSecret(), "SERAMBI_WHATSAPP_APP_SECRET", body == null ? new byte[0] : body,
                signature);
    }

    static Delivery parse(byte[] body) {
        JsonObject json;
        try {
            json = new JsonObject(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-json", "Invalid JSON", "The body is not a JSON object");
        }
        List<Status> statuses = new ArrayList<>();
        List<WhatsappInbound.InboundMessage> messages = new ArrayList<>();
        try {
            for (Object entry : array(json, "entry")) {
                for (Object change : array((JsonObject) entry, "changes")) {
                    JsonObject value = ((JsonObject) change).getJsonObject("value");
                    if (value == null) {
                        continue;
                    }
                    String profile = null;
                    JsonArray contacts = value.getJsonArray("contacts");
                    if (contacts != null && !contacts.isEmpty() && contacts.getJsonObject(0).getJsonObject("profile") != null) {
                        profile = contacts.getJsonObject(0).getJsonObject("profile").getString("name");
                    }
                    for (Object s : array(value, "statuses")) {
                        JsonObject status = (JsonObject) s;
                        String name = status.getString("status");
                        if (status.getString("id") == null || !STATUSES.contains(name)) {
                            continue;
                        }
                        JsonArray errors = status.getJsonArray("errors");
                        JsonObject error = errors == null || errors.isEmpty() ? null : errors.getJsonObject(0);
                        statuses.add(new Status(status.getString("id"), name, instant(status.getValue("timestamp")),
                                error == null ? null : error.getInteger("code"),
                                error == null ? null : error.getString("title")));
                    }
                    for (Object m : array(value, "messages")) {
                        JsonObject message = (JsonObject) m;
                        if (message.getString("from") == null || message.getString("id") == null) {
                            continue;
                        }
                        JsonObject text = message.getJsonObject("text");
                        messages.add(new WhatsappInbound.InboundMessage(e164(message.getString("from")),
                                message.getString("id"), instant(message.getValue("timestamp")),
                                message.getString("type"), text == null ? null : text.getString("body"), profile));
                    }
                }
            }
        } catch (ClassCastException e) {
            throw ProblemException.badRequest("invalid-json", "Invalid webhook payload",
                    "The body is not a WhatsApp webhook payload (entry[].changes[].value)");
        }
        return new Delivery(statuses, messages);
    }

    /** Stores a delivery in one transaction; true when a 'failed' status was stored (then an e-mail is due). */
    @WithTransaction
    Uni<Boolean> store(Delivery delivery) {
        return Multi.createFrom().iterable(delivery.statuses())
                .onItem().transformToUniAndConcatenate(s -> repository.status(s.wamid(), s.status(), s.at(), s.code(),
                        s.title()).map(stored -> stored && "failed".equals(s.status())))
                .collect().asList()
                .chain(failed -> Multi.createFrom().iterable(delivery.messages())
                        .onItem().transformToUniAndConcatenate(this::receive)
                        .collect().asList()
                        .map(done -> failed.contains(true)));
    }

    private Uni<Void> receive(WhatsappInbound.InboundMessage message) {
        String word = message.text() == null ? "" : message.text().strip().toUpperCase(Locale.ROOT);
        Uni<Void> optOut = STOP_WORDS.contains(word) ? repository.stop(message.from())
                : START_WORDS.contains(word) ? repository.restart(message.from())
                : Uni.createFrom().voidItem();
        if (!word.isEmpty() && (STOP_WORDS.contains(word) || START_WORDS.contains(word))) {
            LOG.infof("A WhatsApp number wrote %s", word);
        }
        return optOut.chain(() -> inbound.received(message));
    }

    private static JsonArray array(JsonObject json, String key) {
        JsonArray array = json.getJsonArray(key);
        return array == null ? new JsonArray() : array;
    }

    /** WhatsApp's wa_id is the number's digits without the plus. */
    static String e164(String waId) {
        return waId.startsWith("+") ? waId : "+" + waId;
    }

    private static Instant instant(Object timestamp) {
        try {
            return timestamp == null ? Instant.now() : Instant.ofEpochSecond(Long.parseLong(timestamp.toString()));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }
}
