package id.serambi.conversation.meta;

import com.fasterxml.jackson.databind.JsonNode;
import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.InboundMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads one webhook delivery of Meta's (the shapes of its documentation) into the inbound messages it carries:
 * <ul>
 * <li>{@code object: page}, {@code changes[].field: feed} with {@code item: comment, verb: add}: a comment or reply on
 * the Page's post. A top-level comment (its parent is the post) opens a thread keyed by its own id; a reply joins the
 * thread of its parent comment. Comments by the Page itself are the library's own, not inbound.</li>
 * <li>{@code object: page}, {@code messaging[]} with a {@code message}: a Messenger direct message, keyed by the
 * sender's page-scoped id. Echoes of the Page's own messages ({@code is_echo}), deliveries, reads and postbacks are
 * not messages.</li>
 * <li>{@code object: instagram}, {@code changes[].field: comments} (or {@code live_comments}): a comment on the
 * account's media, a reply ({@code parent_id}) joining its parent's thread; the account's own comments skipped.</li>
 * <li>{@code object: instagram}, {@code messaging[]}: an Instagram direct message, as for Messenger.</li>
 * </ul>
 * Everything else is ignored. An event missing what a message needs (ids, a time) is skipped, not fatal.
 */
final class MetaDeliveries {

    private static final Logger LOG = Logger.getLogger(MetaDeliveries.class);

    /** The Graph API's times: 2026-12-04T02:00:00+0000. */
    private static final java.time.format.DateTimeFormatter GRAPH_TIME = new java.time.format.DateTimeFormatterBuilder()
            .append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("[XXX][XX][X]").toFormatter();

    private MetaDeliveries() {
    }

    static List<InboundMessage> read(JsonNode delivery) {
        List<InboundMessage> messages = new ArrayList<>();
        String object = delivery.path("object").asText("");
        ConversationChannel channel = switch (object) {
            case "page" -> ConversationChannel.FACEBOOK;
            case "instagram" -> ConversationChannel.INSTAGRAM;
            default -> null;
        };
        if (channel == null) {
            return messages;
        }
        for (JsonNode entry : delivery.path("entry")) {
            String account = text(entry, "id");
            Instant entryTime = time(entry.path("time"));
            for (JsonNode change : entry.path("changes")) {
                add(messages, () -> channel == ConversationChannel.FACEBOOK ? pageComment(account, entryTime, change)
                        : instagramComment(account, entryTime, change));
            }
            for (JsonNode event : entry.path("messaging")) {
                add(messages, () -> directMessage(channel, account, entryTime, event));
            }
        }
        return messages;
    }

    private interface Reading {
        InboundMessage read();
    }

    private static void add(List<InboundMessage> messages, Reading reading) {
        try {
            InboundMessage m = reading.read();
            if (m != null) {
                messages.add(m);
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.debugf("Skipping a Meta webhook event that is not a usable message: %s", e.getMessage());
        }
    }

    private static InboundMessage pageComment(String pageId, Instant entryTime, JsonNode change) {
        JsonNode v = change.path("value");
        if (!"feed".equals(text(change, "field")) || !"comment".equals(text(v, "item")) || !"add".equals(text(v, "verb"))) {
            return null;
        }
        String from = text(v.path("from"), "id");
        if (from == null || from.equals(pageId)) {
            return null;
        }
        String commentId = text(v, "comment_id");
        String postId = text(v, "post_id");
        String parentId = text(v, "parent_id");
        String root = parentId == null || parentId.equals(postId) ? commentId : parentId;
        Instant sent = time(v.path("created_time"));
        return new InboundMessage(ConversationChannel.FACEBOOK, ConversationKind.COMMENT, root, commentId, pageId, from,
                text(v.path("from"), "name"), text(v, "message"), sent != null ? sent : entryTime, postId);
    }

    private static InboundMessage instagramComment(String accountId, Instant entryTime, JsonNode change) {
        String field = text(change, "field");
        if (!"comments".equals(field) && !"live_comments".equals(field)) {
            return null;
        }
        JsonNode v = change.path("value");
        String from = text(v.path("from"), "id");
        if (from == null || from.equals(accountId)) {
            return null;
        }
        String commentId = text(v, "id");
        String parentId = text(v, "parent_id");
        return new InboundMessage(ConversationChannel.INSTAGRAM, ConversationKind.COMMENT,
                parentId == null ? commentId : parentId, commentId, accountId, from, text(v.path("from"), "username"),
                text(v, "text"), entryTime, text(v.path("media"), "id"));
    }

    private static InboundMessage directMessage(ConversationChannel channel, String accountId, Instant entryTime, JsonNode event) {
        JsonNode message = event.path("message");
        if (!message.isObject() || message.path("is_echo").asBoolean(false)) {
            return null;
        }
        String sender = text(event.path("sender"), "id");
        if (sender == null || sender.equals(accountId)) {
            return null;
        }
        String recipient = text(event.path("recipient"), "id");
        String body = text(message, "text");
        if (body == null && message.path("attachments").isArray() && !message.path("attachments").isEmpty()) {
            body = "[" + message.path("attachments").get(0).path("type").asText("lampiran") + "]";
        }
        Instant sent = time(event.path("timestamp"));
        return new InboundMessage(channel, ConversationKind.DIRECT, sender, text(message, "mid"),
                recipient != null ? recipient : accountId, sender, null, body, sent != null ? sent : entryTime, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String s = value.asText();
        return s.isBlank() ? null : s;
    }

    /** Meta's times: epoch seconds (feed, entry.time of changes) or milliseconds (messaging), or an ISO string. */
    private static Instant time(JsonNode value) {
        if (value.isNumber()) {
            long n = value.asLong();
            return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        }
        if (value.isTextual()) {
            try {
                return java.time.OffsetDateTime.parse(value.asText(), GRAPH_TIME).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }
}
