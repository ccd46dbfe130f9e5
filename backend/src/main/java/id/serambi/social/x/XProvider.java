package id.serambi.social.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.serambi.media.MediaItem;
import id.serambi.media.MediaKind;
import id.serambi.media.MediaLibrary;
import id.serambi.social.GrantedAccount;
import id.serambi.social.MediaRules;
import id.serambi.social.OutgoingPost;
import id.serambi.social.PollRequest;
import id.serambi.social.Polled;
import id.serambi.social.PostMetrics;
import id.serambi.social.PublishFailure;
import id.serambi.social.PublishFailure.Kind;
import id.serambi.social.PublishedPost;
import id.serambi.social.SocialPlatform;
import id.serambi.social.SocialProvider;
import id.serambi.social.SocialReply;
import id.serambi.social.connections.SocialSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * X (Twitter) through the X API v2, with a user's OAuth 2.0 token (authorization code with PKCE, confidential client):
 * <ul>
 * <li>authorization at {@code x.com/i/oauth2/authorize} with the scopes {@value #SCOPES}; the code and refresh token are
 * exchanged at {@code POST /2/oauth2/token} with Basic client authentication (X rotates the refresh token, and an
 * access token lives 2 hours);</li>
 * <li>the account is {@code GET /2/users/me};</li>
 * <li>images go up in one {@code POST /2/media/upload}; an MP4 video in chunks ({@code /2/media/upload/initialize},
 * {@code /{id}/append}, {@code /{id}/finalize}) and then {@code GET /2/media/upload?command=STATUS} until X has
 * processed it;</li>
 * <li>{@code POST /2/tweets} with the text and {@code media.media_ids}; the permalink is
 * {@code https://x.com/{username}/status/{id}};</li>
 * <li>figures from {@code GET /2/tweets/{id}?tweet.fields=public_metrics};</li>
 * <li>the inbox: mentions from {@code GET /2/users/{id}/mentions} (see {@link #poll}), replies by {@code POST /2/tweets}
 * with {@code reply.in_reply_to_tweet_id}.</li>
 * </ul>
 * Failures: 401 → TOKEN_INVALID; 429 → TEMPORARY after {@code x-rate-limit-reset}; 5xx, no answer within
 * {@link SocialSettings#timeout()} or no connection → TEMPORARY; any other 4xx (403 duplicate content or policy, 400)
 * → PERMANENT with X's {@code detail}. Tokens go only into request headers and bodies, never into a message or the log.
 */
@ApplicationScoped
public class XProvider implements SocialProvider {

    static final String SCOPES = "tweet.read tweet.write users.read offline.access media.write";
    /** One APPEND segment: X takes segments up to 5 MB. */
    static final int CHUNK_BYTES = 4 * 1024 * 1024;
    /** How many times to ask whether X has processed a video before giving up for now (TEMPORARY). */
    static final int STATUS_POLLS = 30;
    /** The longest pause between two STATUS polls, whatever X's check_after_secs says. */
    static final long MAX_POLL_PAUSE_MS = 10_000;
    /** Pages of mentions read in one poll: X keeps the 800 most recent mentions, 100 a page. */
    static final int MENTION_PAGES = 8;
    static final String MENTION_FIELDS = "max_results=100&expansions=author_id&user.fields=username,name"
            + "&tweet.fields=created_at,conversation_id,referenced_tweets,author_id";

    private final SocialSettings settings;
    private final MediaLibrary media;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final io.vertx.mutiny.core.http.HttpClient http;

    public XProvider(SocialSettings settings, MediaLibrary media, ObjectMapper json, Vertx vertx) {
        this.settings = settings;
        this.media = media;
        this.json = json;
        this.vertx = vertx;
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs).setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }

    @Override
    public SocialPlatform platform() {
        return SocialPlatform.X;
    }

    @Override
    public MediaRules mediaRules() {
        return MediaRules.X;
    }

    @Override
    public String authorizationUrl(String state, String codeChallenge, String redirectUri) {
        return settings.xOauthUrl() + "?response_type=code&client_id=" + encode(clientId()) + "&redirect_uri="
                + encode(redirectUri) + "&scope=" + encode(SCOPES) + "&state=" + encode(state) + "&code_challenge="
                + encode(codeChallenge) + "&code_challenge_method=S256";
    }

    @Override
    public Uni<List<GrantedAccount>> exchange(String code, String codeVerifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return token(form, Kind.PERMANENT).chain(tokens -> me(tokens.access()).map(me -> List.of(
                new GrantedAccount(SocialPlatform.X, me.id(), "@" + me.username(), tokens.access(), tokens.refresh(),
                        tokens.expiresAt()))));
    }

    @Override
    public Uni<List<GrantedAccount>> verify(String token) {
        return Uni.createFrom().failure(new PublishFailure(Kind.PERMANENT,
                "X has no system-user token: connect the X account through X's sign-in page", null, null));
    }

    @Override
    public Uni<GrantedAccount> refresh(GrantedAccount current) {
        if (current.refreshToken() == null || current.refreshToken().isBlank()) {
            return Uni.createFrom().failure(new PublishFailure(Kind.TOKEN_INVALID,
                    "X gave no refresh token: reconnect the account", null, null));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        return token(form, Kind.TOKEN_INVALID).map(t -> new GrantedAccount(SocialPlatform.X, current.externalId(),
                current.name(), t.access(), t.refresh() != null ? t.refresh() : current.refreshToken(), t.expiresAt()));
    }

    @Override
    public Uni<PublishedPost> publish(GrantedAccount account, OutgoingPost post) {
        Uni<List<Upload>> uploads = Uni.createFrom().<List<Upload>>item(ArrayList::new);
        for (MediaItem item : post.media()) {
            uploads = uploads.chain(list -> media.content(item).map(bytes -> {
                list.add(new Upload(item, bytes));
                return list;
            }));
        }
        return uploads.chain(list -> publish(account, post.text(), list));
    }

    /** A file to upload with its bytes. */
    record Upload(MediaItem item, byte[] bytes) {

        @Override
        public String toString() {
            return "Upload[" + item.fileName() + ", " + bytes.length + " bytes]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Upload u && u.item.equals(item) && Arrays.equals(u.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return item.hashCode() * 31 + Arrays.hashCode(bytes);
        }
    }

    /** Uploads the media one by one, then posts the text with their ids. */
    Uni<PublishedPost> publish(GrantedAccount account, String text, List<Upload> uploads) {
        Uni<List<String>> ids = Uni.createFrom().<List<String>>item(ArrayList::new);
        for (Upload u : uploads) {
            ids = ids.chain(list -> upload(account, u).map(id -> {
                list.add(id);
                return list;
            }));
        }
        return ids.chain(mediaIds -> {
            ObjectNode body = json.createObjectNode().put("text", text);
            if (!mediaIds.isEmpty()) {
                mediaIds.forEach(body.putObject("media").putArray("media_ids")::add);
            }
            return send(HttpMethod.POST, api("/2/tweets"), bearer(account), "application/json", Buffer.buffer(
                    body.toString()));
        }).map(answer -> {
            String id = answer.json().path("data").path("id").asText(null);
            if (id == null) {
                throw new PublishFailure(Kind.PERMANENT, "X created no post: " + message(answer), answer.status(), null);
            }
            String username = account.name() == null ? "i" : account.name().replaceFirst("^@", "");
            return new PublishedPost(id, "https://x.com/" + username + "/status/" + id);
        });
    }

    Uni<String> upload(GrantedAccount account, Upload u) {
        return u.item().kind() == MediaKind.VIDEO ? uploadVideo(account, u) : uploadImage(account, u);
    }

    private Uni<String> uploadImage(GrantedAccount account, Upload u) {
        Multipart form = new Multipart().field("media_category", "tweet_image").field("media_type",
                u.item().contentType()).file("media", u.item().fileName(), u.item().contentType(), u.bytes());
        return send(HttpMethod.POST, api("/2/media/upload"), bearer(account), form.contentType(), form.body())
                .chain(answer -> processed(account, mediaId(answer), answer.json().path("data")));
    }

    private Uni<String> uploadVideo(GrantedAccount account, Upload u) {
        ObjectNode init = json.createObjectNode().put("media_type", u.item().contentType())
                .put("total_bytes", u.bytes().length).put("media_category", "tweet_video");
        return send(HttpMethod.POST, api("/2/media/upload/initialize"), bearer(account), "application/json",
                Buffer.buffer(init.toString())).map(XProvider::mediaId).chain(id -> {
                    Uni<Void> chunks = Uni.createFrom().voidItem();
                    int segments = Math.max(1, (u.bytes().length + CHUNK_BYTES - 1) / CHUNK_BYTES);
                    for (int i = 0; i < segments; i++) {
                        int index = i;
                        byte[] chunk = Arrays.copyOfRange(u.bytes(), i * CHUNK_BYTES,
                                Math.min(u.bytes().length, (i + 1) * CHUNK_BYTES));
                        chunks = chunks.chain(() -> {
                            Multipart form = new Multipart().field("segment_index", String.valueOf(index))
                                    .file("media", u.item().fileName(), "application/octet-stream", chunk);
                            return send(HttpMethod.POST, api("/2/media/upload/" + id + "/append"), bearer(account),
                                    form.contentType(), form.body()).replaceWithVoid();
                        });
                    }
                    return chunks.chain(() -> send(HttpMethod.POST, api("/2/media/upload/" + id + "/finalize"),
                            bearer(account), null, null))
                            .chain(answer -> processed(account, id, answer.json().path("data")));
                });
    }

    /** Waits until X has processed the media when its answer carries processing_info; the media id comes back. */
    private Uni<String> processed(GrantedAccount account, String id, JsonNode data) {
        return poll(account, id, data.path("processing_info"), 0);
    }

    private Uni<String> poll(GrantedAccount account, String id, JsonNode info, int polls) {
        String state = info.path("state").asText("succeeded");
        if (info.isMissingNode() || info.isNull() || "succeeded".equals(state)) {
            return Uni.createFrom().item(id);
        }
        if ("failed".equals(state)) {
            JsonNode error = info.path("error");
            return Uni.createFrom().failure(new PublishFailure(Kind.PERMANENT, "X could not process the media: "
                    + error.path("message").asText(error.path("name").asText("processing failed")), null, null));
        }
        if (polls >= STATUS_POLLS) {
            return Uni.createFrom().failure(new PublishFailure(Kind.TEMPORARY,
                    "X is still processing the media; try again later", null, null));
        }
        long pause = Math.min(MAX_POLL_PAUSE_MS, Math.max(200, info.path("check_after_secs").asLong(1) * 1000));
        return pause(pause).chain(() -> send(HttpMethod.GET, api("/2/media/upload?command=STATUS&media_id="
                + encode(id)), bearer(account), null, null))
                .chain(answer -> poll(account, id, answer.json().path("data").path("processing_info"), polls + 1));
    }

    private Uni<Void> pause(long ms) {
        return Uni.createFrom().emitter(e -> vertx.setTimer(ms, t -> e.complete(null)));
    }

    @Override
    public Uni<PostMetrics> metrics(GrantedAccount account, String externalId) {
        return send(HttpMethod.GET, api("/2/tweets/" + encode(externalId) + "?tweet.fields=public_metrics"),
                bearer(account), null, null).map(answer -> {
                    JsonNode m = answer.json().path("data").path("public_metrics");
                    if (m.isMissingNode()) {
                        throw new PublishFailure(Kind.PERMANENT, "X has no figures for post " + externalId + ": "
                                + message(answer), answer.status(), null);
                    }
                    Long retweets = number(m, "retweet_count");
                    Long quotes = number(m, "quote_count");
                    Long shares = retweets == null && quotes == null ? null
                            : (retweets == null ? 0 : retweets) + (quotes == null ? 0 : quotes);
                    return new PostMetrics(number(m, "impression_count"), null, number(m, "like_count"),
                            number(m, "reply_count"), shares, number(m, "bookmark_count"), null, null);
                });
    }

    /**
     * A reply from the inbox: {@code POST /2/tweets} with the text and {@code reply.in_reply_to_tweet_id} (the post it
     * answers, {@code reply.to()}); the new post's id comes back. X's direct messages are not sent from Serambi.
     */
    @Override
    public Uni<String> reply(GrantedAccount account, SocialReply reply) {
        if (reply.kind() != SocialReply.Kind.COMMENT) {
            return Uni.createFrom().failure(new PublishFailure(Kind.PERMANENT,
                    "Serambi answers on X only by replying to a post", null, null));
        }
        ObjectNode body = json.createObjectNode().put("text", reply.text());
        body.putObject("reply").put("in_reply_to_tweet_id", reply.to());
        return send(HttpMethod.POST, api("/2/tweets"), bearer(account), "application/json", Buffer.buffer(body.toString()))
                .map(answer -> {
                    String id = answer.json().path("data").path("id").asText(null);
                    if (id == null) {
                        throw new PublishFailure(Kind.PERMANENT, "X created no reply: " + message(answer),
                                answer.status(), null);
                    }
                    return id;
                });
    }

    /**
     * The account's mentions newer than {@code sinceId}: {@code GET /2/users/{id}/mentions} with the author expanded
     * (username, name) and the posts' created_at, conversation_id and referenced_tweets, 100 a page, following
     * {@code meta.next_token}. Without a since_id only the most recent page is read (no history import). Each mention
     * is a MENTION in the thread of its {@code conversation_id}; the account's own posts are left out. When X says no
     * calls remain ({@code x-rate-limit-remaining: 0}) or answers 429 part-way, the pages read so far come back with
     * the wait and {@code complete} false; a 429 on the first page is a TEMPORARY failure with the wait.
     */
    @Override
    public Uni<Polled> poll(GrantedAccount account, PollRequest request) {
        return mentions(account, request.sinceId(), null, new ArrayList<>(), null, 0);
    }

    private Uni<Polled> mentions(GrantedAccount account, String sinceId, String pageToken, List<Polled.Item> items,
            String newest, int page) {
        String url = api("/2/users/" + encode(account.externalId()) + "/mentions?" + MENTION_FIELDS
                + (sinceId == null ? "" : "&since_id=" + encode(sinceId))
                + (pageToken == null ? "" : "&pagination_token=" + encode(pageToken)));
        return call(HttpMethod.GET, url, bearer(account), null, null).chain(answer -> {
            if (answer.status() == 429 && page > 0) {
                return Uni.createFrom().item(new Polled(items, null, false, retryAfter(answer)));
            }
            check(answer);
            JsonNode body = answer.json();
            items.addAll(mentionItems(account, body));
            String newestId = page == 0 ? body.path("meta").path("newest_id").asText(null) : newest;
            String next = body.path("meta").path("next_token").asText(null);
            Duration wait = "0".equals(answer.headers().get("x-rate-limit-remaining")) ? retryAfter(answer) : null;
            if (next == null || sinceId == null || page + 1 >= MENTION_PAGES) {
                return Uni.createFrom().item(new Polled(items, newestId, true, wait));
            }
            if (wait != null) {
                return Uni.createFrom().item(new Polled(items, null, false, wait));
            }
            return mentions(account, sinceId, next, items, newestId, page + 1);
        });
    }

    private static List<Polled.Item> mentionItems(GrantedAccount account, JsonNode body) {
        Map<String, JsonNode> users = new LinkedHashMap<>();
        for (JsonNode user : body.path("includes").path("users")) {
            users.put(user.path("id").asText(), user);
        }
        List<Polled.Item> items = new ArrayList<>();
        for (JsonNode post : body.path("data")) {
            String id = post.path("id").asText(null);
            String author = post.path("author_id").asText(null);
            if (id == null || author == null || author.equals(account.externalId())) {
                continue;
            }
            JsonNode user = users.get(author);
            String handle = user == null || !user.hasNonNull("username") ? null : "@" + user.path("username").asText();
            String conversation = post.path("conversation_id").asText(id);
            boolean isReply = false;
            for (JsonNode ref : post.path("referenced_tweets")) {
                isReply |= "replied_to".equals(ref.path("type").asText());
            }
            Instant sent;
            try {
                sent = Instant.parse(post.path("created_at").asText());
            } catch (java.time.format.DateTimeParseException e) {
                sent = Instant.now();
            }
            items.add(new Polled.Item(SocialPlatform.X, Polled.Kind.MENTION, conversation, id, account.externalId(),
                    author, handle, post.path("text").asText(""), sent, isReply ? conversation : null));
        }
        return items;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode n = node.path(field);
        return n.isNumber() ? n.asLong() : null;
    }

    // --- OAuth ---

    record Tokens(String access, String refresh, Instant expiresAt) {

        @Override
        public String toString() {
            return "Tokens[expires " + expiresAt + "]";
        }
    }

    record Me(String id, String username) {
    }

    /** The token endpoint; a 400 (a bad code, a revoked refresh token) is {@code refused}. */
    private Uni<Tokens> token(Map<String, String> form, Kind refused) {
        String secret = settings.xClientSecret().orElse(null);
        String auth = null;
        if (secret != null && !secret.isBlank()) {
            auth = "Basic " + Base64.getEncoder().encodeToString((encode(clientId()) + ":" + encode(secret))
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            form.put("client_id", clientId());
        }
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        Instant asked = Instant.now();
        return call(HttpMethod.POST, api("/2/oauth2/token"), auth, "application/x-www-form-urlencoded",
                Buffer.buffer(body.toString())).map(answer -> {
                    if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
                        throw new PublishFailure(refused, "X refused the authorization: " + message(answer),
                                answer.status(), null);
                    }
                    check(answer);
                    JsonNode t = answer.json();
                    String access = t.path("access_token").asText(null);
                    if (access == null) {
                        throw new PublishFailure(refused, "X sent no access token", answer.status(), null);
                    }
                    long expiresIn = t.path("expires_in").asLong(7200);
                    return new Tokens(access, t.path("refresh_token").asText(null), asked.plusSeconds(expiresIn));
                });
    }

    private Uni<Me> me(String accessToken) {
        return send(HttpMethod.GET, api("/2/users/me"), "Bearer " + accessToken, null, null).map(answer -> {
            JsonNode data = answer.json().path("data");
            if (!data.hasNonNull("id") || !data.hasNonNull("username")) {
                throw new PublishFailure(Kind.PERMANENT, "X did not say which account this is: " + message(answer),
                        answer.status(), null);
            }
            return new Me(data.path("id").asText(), data.path("username").asText());
        });
    }

    private String clientId() {
        return settings.xClientId().filter(s -> !s.isBlank()).orElseThrow(() -> new PublishFailure(Kind.PERMANENT,
                "The X app's client id is not configured (SERAMBI_SOCIAL_X_CLIENT_ID)", null, null));
    }

    // --- HTTP ---

    record Answer(int status, MultiMap headers, String body, ObjectMapper mapper) {

        JsonNode json() {
            if (body == null || body.isBlank()) {
                return mapper.createObjectNode();
            }
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                return mapper.createObjectNode();
            }
        }
    }

    private String api(String path) {
        return settings.xApiUrl() + path;
    }

    private static String bearer(GrantedAccount account) {
        return "Bearer " + account.accessToken();
    }

    /** Calls X and fails with the {@link PublishFailure} its answer means unless it is a 2xx. */
    private Uni<Answer> send(HttpMethod method, String url, String auth, String contentType, Buffer body) {
        return call(method, url, auth, contentType, body).invoke(XProvider::check);
    }

    /** One call to X; no answer within the timeout, or none at all, is a TEMPORARY failure. */
    private Uni<Answer> call(HttpMethod method, String url, String auth, String contentType, Buffer body) {
        Duration timeout = settings.timeout();
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url)
                .setIdleTimeout(timeout.toMillis());
        return http.request(options).chain(request -> {
            if (auth != null) {
                request.putHeader("Authorization", auth);
            }
            request.putHeader("Accept", "application/json");
            if (contentType != null) {
                request.putHeader("Content-Type", contentType);
            }
            return body == null ? request.send() : request.send(body);
        }).chain(response -> response.body().map(b -> new Answer(response.statusCode(), response.headers(),
                b.toString(StandardCharsets.UTF_8), json)))
                .ifNoItem().after(timeout).failWith(() -> new PublishFailure(Kind.TEMPORARY,
                        "X did not answer within " + timeout.toSeconds() + " s", null, null))
                .onFailure(e -> !(e instanceof PublishFailure)).transform(e -> new PublishFailure(Kind.TEMPORARY,
                        "X could not be reached (" + e.getClass().getSimpleName() + ")", null, null));
    }

    static void check(Answer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 401) {
            throw new PublishFailure(Kind.TOKEN_INVALID, "X refused the token: " + message(answer), status, null);
        }
        if (status == 429) {
            throw new PublishFailure(Kind.TEMPORARY, "X's rate limit: " + message(answer), status, retryAfter(answer));
        }
        if (status >= 500) {
            throw new PublishFailure(Kind.TEMPORARY, "X failed (" + status + "): " + message(answer), status,
                    retryAfter(answer));
        }
        throw new PublishFailure(Kind.PERMANENT, message(answer), status, null);
    }

    /** From x-rate-limit-reset (epoch seconds) or Retry-After (seconds); null without either. */
    static Duration retryAfter(Answer answer) {
        String reset = answer.headers().get("x-rate-limit-reset");
        try {
            if (reset != null) {
                Duration d = Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
                return d.isNegative() ? Duration.ZERO : d;
            }
            String after = answer.headers().get("Retry-After");
            if (after != null) {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(after.strip())));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** X's own words: {@code detail}, an OAuth {@code error_description}, the first of {@code errors}, or the title. */
    static String message(Answer answer) {
        JsonNode j = answer.json();
        for (String field : List.of("detail", "error_description", "title", "error")) {
            if (j.hasNonNull(field) && j.get(field).isTextual()) {
                return truncate(j.get(field).asText());
            }
        }
        JsonNode first = j.path("errors").path(0);
        if (!first.isMissingNode()) {
            return truncate(first.path("detail").asText(first.path("message").asText(first.toString())));
        }
        return "HTTP " + answer.status();
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) + "…" : s;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A multipart/form-data body. */
    static final class Multipart {
        private final String boundary = "serambi-" + UUID.randomUUID();
        private final Buffer body = Buffer.buffer();

        Multipart field(String name, String value) {
            body.appendString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                    + value + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String contentType, byte[] bytes) {
            String safe = fileName == null ? "media" : fileName.replaceAll("[\"\\r\\n\\\\]", "_");
            body.appendString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"" + safe + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            body.appendBytes(bytes).appendString("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        Buffer body() {
            return body.copy().appendString("--" + boundary + "--\r\n");
        }
    }

    private static String mediaId(Answer answer) {
        String id = answer.json().path("data").path("id").asText(null);
        if (id == null) {
            throw new PublishFailure(Kind.PERMANENT, "X returned no media id: " + message(answer), answer.status(), null);
        }
        return id;
    }
}
