package id.serambi.social.meta;

import id.serambi.social.GrantedAccount;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialReply;
import id.serambi.social.connections.SocialSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Meta's Graph API ({@code serambi.social.meta-graph-url}, version included) over Vert.x's HTTP client: GET with query
 * parameters, POST with a form body, each bounded by {@code serambi.social.timeout}. A 2xx answer is its JSON; anything
 * else fails with the {@link PublishFailure} that {@link GraphErrors} reads from Meta's error JSON and usage headers.
 * Access tokens travel as the {@code access_token} parameter and are never logged nor put in a failure's message.
 */
@ApplicationScoped
public class GraphClient {

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    public GraphClient(Vertx vertx, SocialSettings settings) {
        this.timeout = settings.timeout();
        this.base = settings.metaGraphUrl().endsWith("/") ? settings.metaGraphUrl().substring(0,
                settings.metaGraphUrl().length() - 1) : settings.metaGraphUrl();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setMaxPoolSize(50));
    }

    @PreDestroy
    void close() {
        http.close().subscribe().with(v -> {
        }, e -> {
        });
    }

    /** Parameters in the order given. */
    public static Map<String, String> params(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** GET {graph}/{path}?{query}. */
    public Uni<JsonObject> get(String path, Map<String, String> query) {
        return call(HttpMethod.GET, url(path) + "?" + encode(query), null);
    }

    /** POST {graph}/{path} with the parameters as a form. */
    public Uni<JsonObject> post(String path, Map<String, String> form) {
        return call(HttpMethod.POST, url(path), encode(form));
    }

    /**
     * A reply from the inbox with the account's token: under a comment, POST /{comment-id}/{commentEdge} with the
     * message (Facebook's edge is comments, Instagram's replies); a direct message through the Send API, POST
     * /{account-id}/messages with the recipient's scoped id, messaging_type RESPONSE and the text. The id of the new
     * comment, or the message_id, comes back.
     */
    public Uni<String> reply(GrantedAccount account, SocialReply reply, String commentEdge) {
        String token = account.accessToken();
        if (reply.kind() == SocialReply.Kind.COMMENT) {
            return post(reply.to() + "/" + commentEdge, params("message", reply.text(), "access_token", token))
                    .map(answer -> answer.getString("id"));
        }
        return post(account.externalId() + "/messages", params(
                "recipient", new JsonObject().put("id", reply.to()).encode(),
                "messaging_type", "RESPONSE",
                "message", new JsonObject().put("text", reply.text()).encode(),
                "access_token", token)).map(answer -> answer.getString("message_id"));
    }

    private String url(String path) {
        return base + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    private Uni<JsonObject> call(HttpMethod method, String url, String form) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url)
                .setIdleTimeout(timeout.toMillis());
        if (form != null) {
            options.putHeader("Content-Type", "application/x-www-form-urlencoded");
        }
        options.putHeader("Accept", "application/json");
        return http.request(options)
                .chain(request -> form == null ? request.send() : request.send(Buffer.buffer(form)))
                .chain(response -> response.body().map(body -> read(response, body)))
                .ifNoItem().after(timeout).failWith(() -> new PublishFailure(PublishFailure.Kind.TEMPORARY,
                        "Meta did not answer within " + timeout.toMillis() + " ms", null, null))
                .onFailure(f -> !(f instanceof PublishFailure)).transform(f -> new PublishFailure(
                        PublishFailure.Kind.TEMPORARY, "Meta could not be reached (" + f.getClass().getSimpleName() + ")",
                        null, null));
    }

    private static JsonObject read(HttpClientResponse response, Buffer body) {
        int status = response.statusCode();
        String text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
        if (status >= 200 && status < 300) {
            try {
                return text.isBlank() ? new JsonObject() : new JsonObject(text);
            } catch (RuntimeException e) {
                throw new PublishFailure(PublishFailure.Kind.TEMPORARY, "Meta answered with something that is not JSON",
                        status, null);
            }
        }
        throw GraphErrors.failure(status, text, response.getHeader("Retry-After"),
                response.getHeader("X-Business-Use-Case-Usage"), response.getHeader("X-App-Usage"));
    }

    private static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
