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
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Facebook Page through the Graph API (Pages API "Posts", "Page Photos", "Page Videos"), with the Page token:
 * <ul>
 * <li>text: {@code POST /{page-id}/feed} {@code message} → {@code {"id":"{page-id}_{post-id}"}};</li>
 * <li>one photo: {@code POST /{page-id}/photos} {@code url}, {@code message} → {@code {"id","post_id"}};</li>
 * <li>several photos: each {@code POST /{page-id}/photos} with {@code published=false}, then {@code POST /{page-id}/feed}
 * with {@code attached_media[i]={"media_fbid":"…"}};</li>
 * <li>a video: {@code POST /{page-id}/videos} {@code file_url}, {@code description} → {@code {"id"}};</li>
 * <li>then the permalink: {@code GET /{id}?fields=permalink_url} (a video's may be relative to facebook.com).</li>
 * </ul>
 * Media go by their public URL: Meta fetches them. Metrics come from the post's fields (reactions, comments, shares)
 * and its insights (impressions, reach, clicks), see {@link #metrics}.
 */
@ApplicationScoped
public class FacebookProvider extends MetaLoginProvider {

    static final String FACEBOOK = "https://www.facebook.com";
    static final String INSIGHT_METRICS = "post_impressions,post_impressions_unique,post_clicks";

    private final GraphClient graph;
    private final MetaInbox inbox;

    public FacebookProvider(GraphClient graph, MetaLogin login, MetaInbox inbox) {
        super(login);
        this.graph = graph;
        this.inbox = inbox;
    }

    @Override
    public SocialPlatform platform() {
        return SocialPlatform.FACEBOOK;
    }

    @Override
    public MediaRules mediaRules() {
        return MediaRules.FACEBOOK;
    }

    @Override
    public Uni<PublishedPost> publish(GrantedAccount account, OutgoingPost post) {
        String page = account.externalId();
        String token = account.accessToken();
        List<MediaItem> media = post.media() == null ? List.of() : post.media();
        String text = post.text() == null ? "" : post.text();
        Uni<String> published;
        if (media.isEmpty()) {
            published = graph.post(page + "/feed", GraphClient.params("message", text, "access_token", token))
                    .map(answer -> answer.getString("id"));
        } else if (media.size() == 1 && media.get(0).kind() == MediaKind.VIDEO) {
            published = graph.post(page + "/videos", GraphClient.params("file_url", media.get(0).publicUrl(),
                    "description", text, "access_token", token)).map(answer -> answer.getString("id"));
        } else if (media.stream().anyMatch(m -> m.kind() == MediaKind.VIDEO)) {
            return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.PERMANENT,
                    "Facebook takes one video per post, without photos", null, null));
        } else if (media.size() == 1) {
            published = graph.post(page + "/photos", GraphClient.params("url", media.get(0).publicUrl(),
                    "message", text, "access_token", token))
                    .map(answer -> answer.getString("post_id", answer.getString("id")));
        } else {
            published = unpublishedPhotos(page, token, media).chain(ids -> {
                Map<String, String> form = GraphClient.params("message", text);
                for (int i = 0; i < ids.size(); i++) {
                    form.put("attached_media[" + i + "]", new JsonObject().put("media_fbid", ids.get(i)).encode());
                }
                form.put("access_token", token);
                return graph.post(page + "/feed", form);
            }).map(answer -> answer.getString("id"));
        }
        return published.chain(id -> {
            if (id == null || id.isBlank()) {
                return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.TEMPORARY,
                        "Facebook answered without a post id", null, null));
            }
            return permalink(id, token).map(link -> new PublishedPost(id, link));
        });
    }

    private Uni<List<String>> unpublishedPhotos(String page, String token, List<MediaItem> media) {
        Uni<List<String>> ids = Uni.createFrom().item(new ArrayList<>());
        for (MediaItem m : media) {
            ids = ids.chain(list -> graph.post(page + "/photos", GraphClient.params("url", m.publicUrl(),
                    "published", "false", "access_token", token)).map(answer -> {
                        list.add(answer.getString("id"));
                        return list;
                    }));
        }
        return ids;
    }

    /**
     * The post's permalink. The post is out by now: if Meta does not say, the link is built from the id rather than
     * failing (a failure here would make the caller publish it again).
     */
    private Uni<String> permalink(String id, String token) {
        return graph.get(id, GraphClient.params("fields", "permalink_url", "access_token", token))
                .map(answer -> answer.getString("permalink_url"))
                .onFailure().recoverWithNull()
                .map(link -> {
                    if (link == null || link.isBlank()) {
                        return FACEBOOK + "/" + id;
                    }
                    return link.startsWith("/") ? FACEBOOK + link : link;
                });
    }

    /**
     * The post's figures: {@code GET /{post-id}?fields=shares,comments.limit(0).summary(true),reactions.limit(0).summary(true)}
     * for reactions, comments and shares, and {@code GET /{post-id}/insights?metric=post_impressions,
     * post_impressions_unique,post_clicks} for impressions, reach and clicks (null when Meta has no insights for it,
     * e.g. a Page under 100 likes).
     */
    @Override
    public Uni<PostMetrics> metrics(GrantedAccount account, String externalId) {
        String token = account.accessToken();
        return graph.get(externalId, GraphClient.params("fields",
                "shares,comments.limit(0).summary(true),reactions.limit(0).summary(true)", "access_token", token))
                .chain(fields -> graph.get(externalId + "/insights", GraphClient.params("metric", INSIGHT_METRICS,
                        "access_token", token))
                        .onFailure(f -> f instanceof PublishFailure p && p.kind() == PublishFailure.Kind.PERMANENT)
                        .recoverWithItem(new JsonObject())
                        .map(insights -> {
                            Map<String, Long> values = Insights.values(insights);
                            return new PostMetrics(values.get("post_impressions"), values.get("post_impressions_unique"),
                                    total(fields.getJsonObject("reactions")), total(fields.getJsonObject("comments")),
                                    fields.getJsonObject("shares") == null ? 0L : fields.getJsonObject("shares").getLong("count", 0L),
                                    null, values.get("post_clicks"), null);
                        }));
    }

    private static Long total(JsonObject edge) {
        if (edge == null) {
            return 0L;
        }
        JsonObject summary = edge.getJsonObject("summary");
        return summary == null ? null : summary.getLong("total_count");
    }

    /** Reads Meta's insights answer: {@code {"data":[{"name","period","values":[{"value":n}]}]}}. */
    static final class Insights {

        private Insights() {
        }

        static Map<String, Long> values(JsonObject answer) {
            Map<String, Long> out = new java.util.HashMap<>();
            JsonArray data = answer.getJsonArray("data", new JsonArray());
            for (int i = 0; i < data.size(); i++) {
                JsonObject metric = data.getJsonObject(i);
                Long value = null;
                JsonArray values = metric.getJsonArray("values");
                if (values != null && !values.isEmpty() && values.getJsonObject(values.size() - 1).getValue("value") instanceof Number n) {
                    value = n.longValue();
                } else if (metric.getJsonObject("total_value") != null
                        && metric.getJsonObject("total_value").getValue("value") instanceof Number n) {
                    value = n.longValue();
                }
                if (value != null) {
                    out.put(metric.getString("name"), value);
                }
            }
            return out;
        }
    }

    /** A reply from the inbox: under a comment (POST /{comment-id}/comments) or by the Send API (GraphClient#reply). */
    @Override
    public Uni<String> reply(GrantedAccount account, SocialReply reply) {
        return graph.reply(account, reply, "comments");
    }

    /** The polling fallback: comments on the given posts and the account's conversations (MetaInbox). */
    @Override
    public Uni<Polled> poll(GrantedAccount account, PollRequest request) {
        return inbox.poll(account, request);
    }
}
