package id.serambi.conversation.web;

import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** All SQL of the web channel: its threads found by key, their account links, and what the asker may read. */
@ApplicationScoped
public class WebConversationRepository {

    private final Pool pool;

    public WebConversationRepository(Pool pool) {
        this.pool = pool;
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /** The id of the web thread with this key, or null. */
    public Uni<Long> threadId(String threadKey) {
        return session().chain(s -> s.createNativeQuery(
                "SELECT id FROM conversation_thread WHERE channel = 'WEB' AND thread_key = :key", Long.class)
                .setParameter("key", threadKey).getResultList()).map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** Links the thread to the signed-in asker's account, unless it is linked already. */
    public Uni<Void> link(long threadId, long accountId) {
        return session().chain(s -> s.createNativeQuery("""
                INSERT INTO web_conversation (thread_id, account_id) VALUES (:thread, :account)
                ON CONFLICT (thread_id) DO NOTHING""").setParameter("thread", threadId).setParameter("account", accountId)
                .executeUpdate()).replaceWithVoid();
    }

    /** Marks the thread minor (a new version) unless it is already. */
    public Uni<Void> markMinor(long threadId) {
        return session().chain(s -> s.createNativeQuery(
                "UPDATE conversation_thread SET minor = true, version = version + 1 WHERE id = :id AND NOT minor")
                .setParameter("id", threadId).executeUpdate()).replaceWithVoid();
    }

    /** The thread's messages as the asker sees them (no notes), oldest first. */
    public Uni<List<WebConversationDtos.Message>> messages(long threadId) {
        return session().chain(s -> s.createNativeQuery("""
                SELECT id, direction, body, sent_at FROM conversation_message WHERE thread_id = :thread
                 ORDER BY sent_at, id""", Object[].class).setParameter("thread", threadId).getResultList())
                .map(rows -> rows.stream().map(r -> new WebConversationDtos.Message(((Number) r[0]).longValue(),
                        from((String) r[1]), (String) r[2], SqlTimes.instant(r[3]))).toList());
    }

    /** Where a stream starts: the thread and its latest message now, on the pool (a stream holds no session). */
    public record Start(long threadId, long lastMessageId) {
    }

    /** The stream's start for the thread with this key, or a null item when there is none. */
    public Uni<Start> startNow(String threadKey) {
        return pool.preparedQuery("""
                SELECT t.id, coalesce((SELECT max(m.id) FROM conversation_message m WHERE m.thread_id = t.id), 0)
                  FROM conversation_thread t WHERE t.channel = 'WEB' AND t.thread_key = $1""")
                .execute(Tuple.of(threadKey)).map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    Row row = it.next();
                    return new Start(row.getLong(0), row.getLong(1));
                });
    }

    /** The library's replies in the thread with an id above {@code afterId}, on the pool, oldest first. */
    public Uni<List<WebConversationDtos.Message>> repliesNow(long threadId, long afterId) {
        return pool.preparedQuery("""
                SELECT id, direction, body, sent_at FROM conversation_message
                 WHERE thread_id = $1 AND id > $2 AND direction = 'OUT' ORDER BY sent_at, id""")
                .execute(Tuple.of(threadId, afterId)).map(rows -> {
            List<WebConversationDtos.Message> replies = new ArrayList<>();
            for (Row row : rows) {
                replies.add(new WebConversationDtos.Message(row.getLong(0), from(row.getString(1)), row.getString(2),
                        row.getOffsetDateTime(3).toInstant()));
            }
            return replies;
        });
    }

    private static WebConversationDtos.From from(String direction) {
        return "OUT".equals(direction) ? WebConversationDtos.From.LIBRARY : WebConversationDtos.From.ASKER;
    }

    /** The web conversations of the account as JSON: each thread's messages (no notes), oldest first. */
    public Uni<String> exportJson(long accountId) {
        return session().chain(s -> s.createNativeQuery("""
                SELECT coalesce(json_agg(json_build_object('threadId', t.id, 'status', t.status, 'minor', t.minor,
                        'createdAt', t.created_at,
                        'messages', coalesce((SELECT json_agg(json_build_object('from',
                                CASE m.direction WHEN 'OUT' THEN 'LIBRARY' ELSE 'ASKER' END, 'text', m.body,
                                'sentAt', m.sent_at) ORDER BY m.sent_at, m.id)
                            FROM conversation_message m WHERE m.thread_id = t.id), '[]'::json)) ORDER BY t.id), '[]'::json)::text
                  FROM web_conversation w JOIN conversation_thread t ON t.id = w.thread_id
                 WHERE w.account_id = :account""", String.class).setParameter("account", accountId).getSingleResult());
    }

    /** Deletes the account's web threads, with their messages and notes. */
    public Uni<Integer> erase(long accountId) {
        return session().chain(s -> s.createNativeQuery("""
                DELETE FROM conversation_thread t USING web_conversation w
                 WHERE w.thread_id = t.id AND w.account_id = :account""")
                .setParameter("account", accountId).executeUpdate());
    }
}
