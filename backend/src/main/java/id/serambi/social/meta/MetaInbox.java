package id.serambi.social.meta;

import id.serambi.social.GrantedAccount;
import id.serambi.social.PollRequest;
import id.serambi.social.Polled;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialPlatform;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The polling fallback for Meta's webhooks: what a Page or Instagram account received since a time, read with the Page
 * token so that a missed delivery is caught up. The ids are those the webhooks carry (a comment's id, a message's
 * {@code mid}), so the inbox stores a message delivered both ways once.
 * <ul>
 * <li>Facebook comments: {@code GET /{post-id}/comments?filter=stream&order=reverse_chronological&since=...} with
 * {@code from} and {@code parent} (a reply joins its parent's thread), following {@code paging.cursors.after};</li>
 * <li>Instagram comments: {@code GET /{ig-media-id}/comments} with their {@code replies} (Instagram has no
 * {@code since} there: older ones are dropped here);</li>
 * <li>direct messages: {@code GET /{page-id}/conversations?platform=messenger|instagram} (for Instagram {@code /me}, the
 * Page its token belongs to) with each conversation's
 * latest {@code messages}, newest conversation first, read until one was last updated before the time.</li>
 * </ul>
 * The account's own comments and messages are left out. A post that is gone (any PERMANENT answer) is skipped; a
 * refused token or a rate limit fails the whole poll.
 */
@Singleton
class MetaInbox {

    private static final Logger LOG = Logger.getLogger(MetaInbox.class);
    /** Pages of one edge read in one poll. */
    static final int PAGES = 5;
    static final String FACEBOOK_COMMENT_FIELDS = "id,message,created_time,from{id,name},parent{id}";
    static final String INSTAGRAM_COMMENT_FIELDS = "id,text,timestamp,from{id,username},"
            + "replies{id,text,timestamp,from{id,username}}";
    static final String CONVERSATION_FIELDS = "id,updated_time,messages.limit(25){id,message,created_time,from}";
    private static final DateTimeFormatter GRAPH_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("[XXX][XX][X]").toFormatter();

    private final GraphClient graph;

    MetaInbox(GraphClient graph) {
        this.graph = graph;
    }

    Uni<Polled> poll(GrantedAccount account, PollRequest request) {
        Instant since = request.since() == null ? Instant.EPOCH : request.since();
        List<Polled.Item> items = new ArrayList<>();
        Uni<Void> read = Uni.createFrom().voidItem();
        for (String post : request.postIds()) {
            read = read.chain(() -> comments(account, post, since, null, 0, items).onFailure(PublishFailure.class)
                    .recoverWithUni(f -> skipGone(post, (PublishFailure) f)));
        }
        return read.chain(() -> conversations(account, since, null, 0, items))
                .map(ignored -> new Polled(items, null, true, null));
    }

    private static Uni<Void> skipGone(String post, PublishFailure f) {
        if (f.kind() != PublishFailure.Kind.PERMANENT) {
            return Uni.createFrom().failure(f);
        }
        LOG.debugf("Skipping the comments of post %s: %s", post, f.getMessage());
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> comments(GrantedAccount account, String post, Instant since, String after, int page,
            List<Polled.Item> items) {
        boolean facebook = account.platform() == SocialPlatform.FACEBOOK;
        Map<String, String> query = facebook
                ? GraphClient.params("fields", FACEBOOK_COMMENT_FIELDS, "filter", "stream", "order",
                        "reverse_chronological", "since", Long.toString(since.getEpochSecond()), "limit", "100")
                : GraphClient.params("fields", INSTAGRAM_COMMENT_FIELDS, "limit", "50");
        query.putAll(GraphClient.params("after", after, "access_token", account.accessToken()));
        return graph.get(post + "/comments", query).chain(answer -> {
            for (JsonObject c : objects(answer.getJsonArray("data"))) {
                if (facebook) {
                    JsonObject parent = c.getJsonObject("parent");
                    String root = parent == null ? c.getString("id") : parent.getString("id");
                    add(items, account, Polled.Kind.COMMENT, root, c, "message", "created_time", "name", post, since);
                } else {
                    add(items, account, Polled.Kind.COMMENT, c.getString("id"), c, "text", "timestamp", "username", post, since);
                    JsonObject replies = c.getJsonObject("replies");
                    for (JsonObject r : objects(replies == null ? null : replies.getJsonArray("data"))) {
                        add(items, account, Polled.Kind.COMMENT, c.getString("id"), r, "text", "timestamp", "username", post, since);
                    }
                }
            }
            String next = nextCursor(answer);
            return next == null || page + 1 >= PAGES ? Uni.createFrom().voidItem()
                    : comments(account, post, since, next, page + 1, items);
        });
    }

    private Uni<Void> conversations(GrantedAccount account, Instant since, String after, int page, List<Polled.Item> items) {
        boolean facebook = account.platform() == SocialPlatform.FACEBOOK;
        Map<String, String> query = GraphClient.params("platform", facebook ? "messenger" : "instagram",
                "fields", CONVERSATION_FIELDS, "limit", "25", "after", after, "access_token", account.accessToken());
        // Instagram's conversations are the linked Page's (platform=instagram): "me" is that Page for its Page token.
        return graph.get((facebook ? account.externalId() : "me") + "/conversations", query).chain(answer -> {
            boolean older = false;
            for (JsonObject conversation : objects(answer.getJsonArray("data"))) {
                Instant updated = time(conversation.getString("updated_time"));
                if (updated != null && updated.isBefore(since)) {
                    older = true;
                    continue;
                }
                JsonObject messages = conversation.getJsonObject("messages");
                for (JsonObject m : objects(messages == null ? null : messages.getJsonArray("data"))) {
                    JsonObject from = m.getJsonObject("from");
                    String sender = from == null ? null : from.getString("id");
                    add(items, account, Polled.Kind.DIRECT, sender, m, "message", "created_time",
                            facebook ? "name" : "username", null, since);
                }
            }
            String next = nextCursor(answer);
            return older || next == null || page + 1 >= PAGES ? Uni.createFrom().voidItem()
                    : conversations(account, since, next, page + 1, items);
        });
    }

    /** Adds the comment or message unless it is the account's own, older than {@code since}, or lacks an id. */
    private static void add(List<Polled.Item> items, GrantedAccount account, Polled.Kind kind, String threadKey,
            JsonObject node, String textField, String timeField, String nameField, String post, Instant since) {
        JsonObject from = node.getJsonObject("from");
        String sender = from == null ? null : from.getString("id");
        String id = node.getString("id");
        Instant sent = time(node.getString(timeField));
        if (id == null || threadKey == null || sender == null || sender.equals(account.externalId()) || sent == null
                || sent.isBefore(since)) {
            return;
        }
        items.add(new Polled.Item(account.platform(), kind, threadKey, id, account.externalId(), sender,
                from.getString(nameField), node.getString(textField), sent, post));
    }

    private static String nextCursor(JsonObject answer) {
        JsonObject paging = answer.getJsonObject("paging");
        if (paging == null || paging.getString("next") == null) {
            return null;
        }
        JsonObject cursors = paging.getJsonObject("cursors");
        return cursors == null ? null : cursors.getString("after");
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> out = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getValue(i) instanceof JsonObject o) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** Graph's times: 2026-12-04T02:00:00+0000. */
    private static Instant time(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
