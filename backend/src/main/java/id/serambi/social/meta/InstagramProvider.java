package id.serambi.social.meta;

import id.serambi.media.MediaItem;
import id.serambi.media.MediaKind;
import id.serambi.social.GrantedAccount;
import id.serambi.social.MediaRules;
import id.serambi.social.OutgoingPost;
import id.serambi.social.PollRequest;
import id.serambi.social.Polled;
import id.serambi.social.PostMetrics;
import id.serambi.social.PublishFailure;
import id.serambi.social.PublishedPost;
import id.serambi.social.SocialPlatform;
import id.serambi.social.SocialProvider;
import id.serambi.social.SocialReply;
import id.serambi.social.connections.SocialSettings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Instagram professional account through the Instagram API with Facebook Login (Content Publishing), with the token
 * of the Facebook Page it is linked to. Instagram fetches media by URL, so each goes by its public URL:
 * <ol>
 * <li>a container: {@code POST /{ig-user-id}/media} with {@code image_url} (or {@code media_type=REELS} and
 * {@code video_url}) and {@code caption}; for several files, one container per file with {@code is_carousel_item=true},
 * then {@code media_type=CAROUSEL} with {@code children};</li>
 * <li>its {@code GET /{container-id}?fields=status_code,status}, polled until FINISHED (ERROR or EXPIRED is a permanent
 * failure; still IN_PROGRESS after {@code serambi.social.instagram-processing-wait}, a temporary one);</li>
 * <li>{@code POST /{ig-user-id}/media_publish} with {@code creation_id} → the media id;</li>
 * <li>{@code GET /{media-id}?fields=permalink}.</li>
 * </ol>
 * Metrics: {@code GET /{media-id}/insights?metric=views,reach,likes,comments,shares,saved}.
 */
@ApplicationScoped
public class InstagramProvider extends MetaLoginProvider {

    static final String INSIGHT_METRICS = "views,reach,likes,comments,shares,saved";

    private final GraphClient graph;
    private final Vertx vertx;
    private final Duration processingWait;

    private final MetaInbox inbox;

    public InstagramProvider(GraphClient graph, MetaLogin login, Vertx vertx, SocialSettings settings, MetaInbox inbox) {
        super(login);
        this.graph = graph;
        this.inbox = inbox;
        this.vertx = vertx;
        this.processingWait = settings.instagramProcessingWait();
    }

    @Override
    public SocialPlatform platform() {
        return SocialPlatform.INSTAGRAM;
    }

    @Override
    public MediaRules mediaRules() {
        return MediaRules.INSTAGRAM;
    }

    @Override
    public Uni<PublishedPost> publish(GrantedAccount account, OutgoingPost post) {
        List<MediaItem> media = post.media() == null ? List.of() : post.media();
        if (media.isEmpty()) {
            return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.PERMANENT,
                    "Instagram needs an image or a video", null, null));
        }
        String user = account.externalId();
        String token = account.accessToken();
        String caption = post.text() == null ? "" : post.text();
        Instant deadline = Instant.now().plus(processingWait);
        Uni<String> container;
        if (media.size() == 1) {
            container = create(user, token, single(media.get(0), caption));
        } else {
            Uni<List<String>> children = Uni.createFrom().item(new ArrayList<>());
            for (MediaItem m : media) {
                children = children.chain(ids -> create(user, token, child(m))
                        .call(id -> finished(id, token, deadline))
                        .map(id -> {
                            ids.add(id);
                            return ids;
                        }));
            }
            container = children.chain(ids -> create(user, token, GraphClient.params("media_type", "CAROUSEL",
                    "children", String.join(",", ids), "caption", caption)));
        }
        return container
                .call(id -> finished(id, token, deadline))
                .chain(id -> graph.post(user + "/media_publish", GraphClient.params("creation_id", id, "access_token", token)))
                .map(answer -> answer.getString("id"))
                .chain(id -> {
                    if (id == null || id.isBlank()) {
                        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.TEMPORARY,
                                "Instagram answered without a media id", null, null));
                    }
                    return permalink(id, token, account.name()).map(link -> new PublishedPost(id, link));
                });
    }

    private static Map<String, String> single(MediaItem m, String caption) {
        return m.kind() == MediaKind.VIDEO
                ? GraphClient.params("media_type", "REELS", "video_url", m.publicUrl(), "caption", caption)
                : GraphClient.params("image_url", m.publicUrl(), "caption", caption);
    }

    private static Map<String, String> child(MediaItem m) {
        return m.kind() == MediaKind.VIDEO
                ? GraphClient.params("media_type", "VIDEO", "video_url", m.publicUrl(), "is_carousel_item", "true")
                : GraphClient.params("image_url", m.publicUrl(), "is_carousel_item", "true");
    }

    private Uni<String> create(String user, String token, Map<String, String> params) {
        params.put("access_token", token);
        return graph.post(user + "/media", params).map(answer -> {
            String id = answer.getString("id");
            if (id == null) {
                throw new PublishFailure(PublishFailure.Kind.TEMPORARY, "Instagram answered without a container id", null, null);
            }
            return id;
        });
    }

    /** Polls the container until Instagram has processed its media: 1 s, then 2, 3 and 5 s apart, until the deadline. */
    private Uni<Void> finished(String container, String token, Instant deadline) {
        return poll(container, token, deadline, 0);
    }

    private Uni<Void> poll(String container, String token, Instant deadline, int round) {
        return graph.get(container, GraphClient.params("fields", "status_code,status", "access_token", token))
                .chain(answer -> {
                    String code = answer.getString("status_code", "IN_PROGRESS");
                    switch (code) {
                        case "FINISHED":
                            return Uni.createFrom().voidItem();
                        case "ERROR":
                        case "EXPIRED":
                        case "PUBLISHED":
                            return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.PERMANENT,
                                    "Instagram could not use the media (" + code + ")"
                                            + (answer.getString("status") == null ? "" : ": " + answer.getString("status")),
                                    null, null));
                        default:
                            long delayMs = new long[] { 1000, 2000, 3000, 5000 }[Math.min(round, 3)];
                            if (Instant.now().plusMillis(delayMs).isAfter(deadline)) {
                                return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.TEMPORARY,
                                        "Instagram was still processing the media after " + processingWait.toSeconds() + " s",
                                        null, Duration.ofMinutes(5)));
                            }
                            return pause(delayMs).chain(() -> poll(container, token, deadline, round + 1));
                    }
                });
    }

    /** A pause on a Vert.x timer, so that the chain goes on in the caller's context. */
    private Uni<Void> pause(long millis) {
        return Uni.createFrom().emitter(e -> vertx.setTimer(millis, id -> e.complete(null)));
    }

    /** The media's permalink; the post is out by now, so a failure here falls back to the account's profile. */
    private Uni<String> permalink(String mediaId, String token, String username) {
        return graph.get(mediaId, GraphClient.params("fields", "permalink", "access_token", token))
                .map(answer -> answer.getString("permalink"))
                .onFailure().recoverWithNull()
                .map(link -> link != null && !link.isBlank() ? link : "https://www.instagram.com/" + username + "/");
    }

    /**
     * The media's figures: likes and comments from {@code GET /{media-id}?fields=like_count,comments_count}, the rest
     * from its insights (null when Instagram has none, e.g. too few viewers).
     */
    @Override
    public Uni<PostMetrics> metrics(GrantedAccount account, String externalId) {
        String token = account.accessToken();
        return graph.get(externalId, GraphClient.params("fields", "like_count,comments_count", "access_token", token))
                .chain(fields -> graph.get(externalId + "/insights", GraphClient.params("metric", INSIGHT_METRICS,
                        "access_token", token))
                        .onFailure(f -> f instanceof PublishFailure p && p.kind() == PublishFailure.Kind.PERMANENT)
                        .recoverWithItem(new JsonObject())
                        .map(insights -> {
                            Map<String, Long> v = FacebookProvider.Insights.values(insights);
                            Long likes = v.getOrDefault("likes", fields.getLong("like_count"));
                            Long comments = v.getOrDefault("comments", fields.getLong("comments_count"));
                            return new PostMetrics(v.get("views"), v.get("reach"), likes, comments, v.get("shares"),
                                    v.get("saved"), null, null);
                        }));
    }

    /** A reply from the inbox: under a comment (POST /{comment-id}/replies) or by the Send API (GraphClient#reply). */
    @Override
    public Uni<String> reply(GrantedAccount account, SocialReply reply) {
        return graph.reply(account, reply, "replies");
    }

    /** The polling fallback: comments on the given posts and the account's conversations (MetaInbox). */
    @Override
    public Uni<Polled> poll(GrantedAccount account, PollRequest request) {
        return inbox.poll(account, request);
    }
}
