package id.serambi.conversation.whatsapp;

import id.serambi.common.BackgroundRun;
import id.serambi.common.ProblemException;
import id.serambi.conversation.AutomaticAnswers;
import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.meta.MetaSignature;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The Cloud API's webhook: the subscription's verification, and the deliveries of the "messages" field, signed with
 * the app secret. Statuses go on the outbox row of their wamid (never backwards); 'failed' makes the e-mail due. An
 * inbound BERHENTI or STOP opts the number out, MULAI or START back in; every inbound message then goes to
 * {@link WhatsappInbound}. A repeated delivery changes nothing. After the commit, each new text message (not a
 * keyword, from a number that has not opted out) goes to the {@link AutomaticAnswers}, in the background.
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

    /** A new text message that may be answered automatically once the delivery is committed. */
    record Answerable(long threadId, String text) {
    }

    /** What storing a delivery did: whether a 'failed' status was stored, and the messages to answer. */
    record Stored(boolean failed, List<Answerable> answerable) {
    }

    private final WhatsappSettings settings;
    private final WhatsappRepository repository;
    private final WhatsappInbound inbound;
    private final WhatsappSender sender;
    private final Instance<AutomaticAnswers> answers;
    private final Vertx vertx;

    public WhatsappWebhook(WhatsappSettings settings, WhatsappRepository repository, WhatsappInbound inbound,
            WhatsappSender sender, @Any Instance<AutomaticAnswers> answers, Vertx vertx) {
        this.settings = settings;
        this.repository = repository;
        this.inbound = inbound;
        this.sender = sender;
        this.answers = answers;
        this.vertx = vertx;
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
        return store(delivery).invoke(stored -> {
            if (stored.failed()) {
                sender.wake();
            }
            stored.answerable().forEach(this::answerLater);
        }).replaceWithVoid();
    }

    /**
     * Hands a committed new message to the automatic answers, in the background: the webhook answers WhatsApp at once,
     * and an answer's failure is logged (never the token, which no failure holds) without touching the delivery.
     */
    private void answerLater(Answerable message) {
        for (AutomaticAnswers answer : answers) {
            BackgroundRun.once(vertx, () -> answer.received(ConversationChannel.WHATSAPP, message.threadId(), message.text())
                    .onFailure().invoke(e -> LOG.warnf("The automatic answer to WhatsApp thread %d failed: %s",
                            message.threadId(), e.getMessage())));
        }
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

    /**
     * Stores a delivery in one transaction: whether a 'failed' status was stored (then an e-mail is due), and the new
     * text messages that may be answered automatically.
     */
    @WithTransaction
    Uni<Stored> store(Delivery delivery) {
        return Multi.createFrom().iterable(delivery.statuses())
                .onItem().transformToUniAndConcatenate(s -> repository.status(s.wamid(), s.status(), s.at(), s.code(),
                        s.title()).map(stored -> stored && "failed".equals(s.status())))
                .collect().asList()
                .chain(failed -> Multi.createFrom().iterable(delivery.messages())
                        .onItem().transformToUniAndConcatenate(this::receive)
                        .collect().asList()
                        .map(received -> new Stored(failed.contains(true),
                                received.stream().filter(Optional::isPresent).map(Optional::get).toList())));
    }

    /**
     * Stores one message; answers it as answerable when it is new (not a repeated delivery), a text, not an opt-out
     * keyword, and its number has not opted out.
     */
    private Uni<Optional<Answerable>> receive(WhatsappInbound.InboundMessage message) {
        String word = message.text() == null ? "" : message.text().strip().toUpperCase(Locale.ROOT);
        boolean keyword = STOP_WORDS.contains(word) || START_WORDS.contains(word);
        Uni<Void> optOut = STOP_WORDS.contains(word) ? repository.stop(message.from())
                : START_WORDS.contains(word) ? repository.restart(message.from())
                : Uni.createFrom().voidItem();
        if (keyword) {
            LOG.infof("A WhatsApp number wrote %s", word);
        }
        return optOut.chain(() -> inbound.received(message)).chain(result -> {
            if (result == null || result.duplicate() || keyword || word.isEmpty() || !"text".equals(message.type())
                    || answers.isUnsatisfied()) {
                return Uni.createFrom().item(Optional.<Answerable>empty());
            }
            return repository.stopped(List.of(message.from())).map(stopped -> stopped.isEmpty()
                    ? Optional.of(new Answerable(result.threadId(), message.text().strip()))
                    : Optional.<Answerable>empty());
        });
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
