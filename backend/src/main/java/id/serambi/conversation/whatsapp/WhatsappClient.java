package id.serambi.conversation.whatsapp;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The Cloud API's send endpoint, {@code POST {api-url}/{phone-number-id}/messages} with a bearer token, over Vert.x's
 * HTTP client: a template message (allowed at any time), or a text (only within 24 hours of the person's last
 * message). Answers the message id (wamid); anything else fails with a {@link WhatsappFailure}.
 */
@ApplicationScoped
public class WhatsappClient {

    private final HttpClient http;
    private final WhatsappSettings settings;
    private final String base;
    private final Duration timeout;

    public WhatsappClient(Vertx vertx, WhatsappSettings settings) {
        this.settings = settings;
        this.timeout = settings.timeout();
        this.base = settings.apiUrl().endsWith("/") ? settings.apiUrl().substring(0, settings.apiUrl().length() - 1)
                : settings.apiUrl();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())).setMaxPoolSize(20));
    }

    @PreDestroy
    void close() {
        http.close().subscribe().with(v -> {
        }, e -> {
        });
    }

    /** An approved template in a language ("id", "en"), its body's parameters in order. */
    public Uni<String> sendTemplate(String to, String template, String language, List<String> parameters) {
        JsonArray values = new JsonArray();
        parameters.forEach(p -> values.add(new JsonObject().put("type", "text").put("text", p)));
        JsonObject body = new JsonObject().put("name", template).put("language", new JsonObject().put("code", language));
        if (!values.isEmpty()) {
            body.put("components", new JsonArray().add(new JsonObject().put("type", "body").put("parameters", values)));
        }
        return send(message(to, "template").put("template", body));
    }

    /** Free text: the Cloud API refuses it (131047) more than 24 hours after the person's last message. */
    public Uni<String> sendText(String to, String text) {
        return send(message(to, "text").put("text", new JsonObject().put("preview_url", false).put("body", text)));
    }

    private static JsonObject message(String to, String type) {
        return new JsonObject().put("messaging_product", "whatsapp").put("recipient_type", "individual")
                .put("to", to).put("type", type);
    }

    private Uni<String> send(JsonObject message) {
        if (!settings.sending()) {
            return Uni.createFrom().failure(new WhatsappFailure(WhatsappFailure.Kind.REFUSED, null,
                    "WhatsApp is not configured (serambi.whatsapp.phone-number-id and access-token)"));
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(base + "/" + settings.phoneNumberId().orElseThrow() + "/messages")
                .setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json")
                .putHeader("Authorization", "Bearer " + settings.accessToken().orElseThrow());
        return http.request(options)
                .chain(request -> request.send(Buffer.buffer(message.encode())))
                .chain(response -> response.body().map(body -> read(response, body)))
                .ifNoItem().after(timeout).failWith(() -> new WhatsappFailure(WhatsappFailure.Kind.RETRY_LATER, null,
                        "WhatsApp did not answer within " + timeout.toMillis() + " ms"))
                .onFailure(f -> !(f instanceof WhatsappFailure)).transform(f -> new WhatsappFailure(
                        WhatsappFailure.Kind.RETRY_LATER, null,
                        "WhatsApp could not be reached (" + f.getClass().getSimpleName() + ")"));
    }

    private static String read(HttpClientResponse response, Buffer body) {
        int status = response.statusCode();
        String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        JsonObject json;
        try {
            json = text.isBlank() ? new JsonObject() : new JsonObject(text);
        } catch (RuntimeException e) {
            json = new JsonObject();
        }
        if (status >= 200 && status < 300) {
            JsonArray messages = json.getJsonArray("messages");
            String id = messages == null || messages.isEmpty() ? null : messages.getJsonObject(0).getString("id");
            if (id == null) {
                throw new WhatsappFailure(WhatsappFailure.Kind.RETRY_LATER, null,
                        "WhatsApp answered without a message id");
            }
            return id;
        }
        JsonObject error = json.getJsonObject("error");
        Integer code = error == null ? null : error.getInteger("code");
        String message = error == null ? null : error.getString("message");
        JsonObject data = error == null ? null : error.getJsonObject("error_data");
        if (data != null && data.getString("details") != null) {
            message = (message == null ? "" : message + ": ") + data.getString("details");
        }
        throw WhatsappFailure.of(status, code, message);
    }
}
