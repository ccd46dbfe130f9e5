package id.serambi.conversation.threads;

import id.serambi.common.SqlTimes;
import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.InboundMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** All SQL of the inbox: threads, their messages and notes. */
@ApplicationScoped
public class ThreadRepository {

    /** A thread as the service needs it to reply or check a version. */
    public record Head(long id, ConversationChannel channel, ConversationKind kind, String threadKey, String accountId,
            String contactId, ThreadStatus status, int version) {
    }

    private static final String SUMMARY = """
            SELECT t.id, t.channel, t.kind, t.contact_id, t.contact_name, t.post_external_id, t.status, t.assignee_id,
                   u.display_name, t.minor,
                   (SELECT left(m.body, 200) FROM conversation_message m WHERE m.thread_id = t.id
                     ORDER BY m.sent_at DESC, m.id DESC LIMIT 1),
                   t.last_message_at, t.first_response_at, t.resolved_at, t.created_at, t.version, t.content_purged_at
              FROM conversation_thread t LEFT JOIN app_user u ON u.id = t.assignee_id""";

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /** The thread of (channel, key), opened with this message's details when there is none; answers its id. */
    public Uni<Long> openThread(InboundMessage m) {
        return session().chain(s -> s.createNativeQuery("""
                INSERT INTO conversation_thread (channel, kind, thread_key, account_id, contact_id, contact_name,
                                                 post_external_id, last_message_at, first_inbound_at)
                VALUES (:channel, :kind, :key, :account, :contact, CAST(:name AS varchar), CAST(:post AS varchar), :sent, :sent)
                ON CONFLICT (channel, thread_key) DO NOTHING""")
                .setParameter("channel", m.channel().name()).setParameter("kind", m.kind().name())
                .setParameter("key", m.threadKey()).setParameter("account", m.accountId())
                .setParameter("contact", m.senderId()).setParameter("name", m.senderName())
                .setParameter("post", m.postExternalId()).setParameter("sent", m.sentAt()).executeUpdate()
                // A thread a concurrent delivery is inserting is waited for, then found by this new statement.
                .chain(() -> s.createNativeQuery("SELECT id FROM conversation_thread WHERE channel = :channel AND thread_key = :key",
                        Long.class).setParameter("channel", m.channel().name()).setParameter("key", m.threadKey())
                        .getSingleResult()));
    }

    /** Stores the inbound message unless its (channel, external id) is stored already: its new id, or null. */
    public Uni<Long> insertInbound(long threadId, InboundMessage m) {
        return session().chain(s -> s.createNativeQuery("""
                INSERT INTO conversation_message (thread_id, channel, direction, external_id, sender_id, sender_name, body, sent_at)
                VALUES (:thread, :channel, 'IN', :external, :sender, CAST(:name AS varchar), :body, :sent)
                ON CONFLICT (channel, external_id) WHERE external_id IS NOT NULL DO NOTHING
                RETURNING id""", Long.class)
                .setParameter("thread", threadId).setParameter("channel", m.channel().name())
                .setParameter("external", m.externalId()).setParameter("sender", m.senderId())
                .setParameter("name", m.senderName()).setParameter("body", m.text()).setParameter("sent", m.sentAt())
                .getResultList()).map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** The id of the message stored with this channel and external id, or null. */
    public Uni<Long> messageByExternalId(ConversationChannel channel, String externalId) {
        return session().chain(s -> s.createNativeQuery(
                "SELECT id FROM conversation_message WHERE channel = :channel AND external_id = :external", Long.class)
                .setParameter("channel", channel.name()).setParameter("external", externalId).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /**
     * After a new inbound message: the last-message time moves forward only, a DONE or WAITING thread is reopened (a
     * new version), the contact's name and the post are filled in when they were unknown.
     */
    public Uni<Void> touchInbound(long threadId, InboundMessage m) {
        return session().chain(s -> s.createNativeQuery("""
                UPDATE conversation_thread
                   SET last_message_at = greatest(last_message_at, :sent),
                       first_inbound_at = least(first_inbound_at, :sent),
                       version = CASE WHEN status IN ('DONE', 'WAITING') THEN version + 1 ELSE version END,
                       resolved_at = NULL,
                       status = CASE WHEN status IN ('DONE', 'WAITING') THEN 'OPEN' ELSE status END,
                       contact_name = CASE WHEN contact_id = :sender THEN coalesce(CAST(:name AS varchar), contact_name)
                                           ELSE contact_name END,
                       post_external_id = coalesce(post_external_id, CAST(:post AS varchar))
                 WHERE id = :thread""")
                .setParameter("sent", m.sentAt()).setParameter("sender", m.senderId()).setParameter("name", m.senderName())
                .setParameter("post", m.postExternalId()).setParameter("thread", threadId).executeUpdate())
                .replaceWithVoid();
    }

    /** The thread's head, or null; {@code lock} takes its row lock for an update in this transaction. */
    public Uni<Head> head(long id, boolean lock) {
        return session().chain(s -> s.createNativeQuery("""
                SELECT id, channel, kind, thread_key, account_id, contact_id, status, version
                  FROM conversation_thread WHERE id = :id""" + (lock ? " FOR UPDATE" : ""), Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : head(rows.get(0)));
    }

    private static Head head(Object[] r) {
        return new Head(((Number) r[0]).longValue(), ConversationChannel.valueOf((String) r[1]),
                ConversationKind.valueOf((String) r[2]), (String) r[3], (String) r[4], (String) r[5],
                ThreadStatus.valueOf((String) r[6]), ((Number) r[7]).intValue());
    }

    /** A page of threads, newest message first (ties by id), and how many match in all. */
    public Uni<ThreadDtos.Page> list(ThreadDtos.Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.status() != null) {
            where.append(" AND t.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.channel() != null) {
            where.append(" AND t.channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.assignee() == ThreadDtos.Assignee.UNASSIGNED) {
            where.append(" AND t.assignee_id IS NULL");
        } else if (filter.assignee() == ThreadDtos.Assignee.ONE) {
            where.append(" AND t.assignee_id = :assignee");
            params.put("assignee", filter.assigneeId());
        }
        if (filter.text() != null) {
            where.append(" AND (t.contact_name ILIKE :text ESCAPE '\\' OR t.contact_id = :exact OR EXISTS (SELECT 1 FROM "
                    + "conversation_message m WHERE m.thread_id = t.id AND m.body ILIKE :text ESCAPE '\\'))");
            params.put("text", "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("exact", filter.text());
        }
        String rows = SUMMARY + where + " ORDER BY t.last_message_at DESC, t.id DESC LIMIT :size OFFSET :offset";
        String count = "SELECT count(*) FROM conversation_thread t" + where;
        return session().chain(s -> {
            Mutiny.SelectionQuery<Object[]> q = s.createNativeQuery(rows, Object[].class);
            Mutiny.SelectionQuery<Long> c = s.createNativeQuery(count, Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                c.setParameter(k, v);
            });
            q.setParameter("size", size).setParameter("offset", page * size);
            return q.getResultList().chain(found -> c.getSingleResult().map(total -> new ThreadDtos.Page(
                    found.stream().map(ThreadRepository::summary).toList(), page, size, total)));
        });
    }

    /** One thread's summary, or null. */
    public Uni<ThreadDtos.Summary> summary(long id) {
        return session().chain(s -> s.createNativeQuery(SUMMARY + " WHERE t.id = :id", Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : summary(rows.get(0)));
    }

    private static ThreadDtos.Summary summary(Object[] r) {
        return new ThreadDtos.Summary(((Number) r[0]).longValue(), ConversationChannel.valueOf((String) r[1]),
                ConversationKind.valueOf((String) r[2]), (String) r[3], (String) r[4], (String) r[5],
                ThreadStatus.valueOf((String) r[6]), r[7] == null ? null : ((Number) r[7]).longValue(), (String) r[8],
                (Boolean) r[9], (String) r[10], SqlTimes.instant(r[11]), SqlTimes.instant(r[12]),
                SqlTimes.instant(r[13]), SqlTimes.instant(r[14]), ((Number) r[15]).intValue(), SqlTimes.instant(r[16]));
    }

    /** The thread's messages in the order they were sent (ties by arrival). */
    public Uni<List<ThreadDtos.Message>> messages(long threadId) {
        return session().chain(s -> s.createNativeQuery("""
                SELECT m.id, m.direction, m.external_id, m.sender_id, m.sender_name, m.body, m.sent_at, u.display_name, m.delivery,
                       m.automatic
                  FROM conversation_message m LEFT JOIN app_user u ON u.id = m.author_id
                 WHERE m.thread_id = :thread ORDER BY m.sent_at, m.id""", Object[].class)
                .setParameter("thread", threadId).getResultList())
                .map(rows -> rows.stream().map(r -> new ThreadDtos.Message(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2], (String) r[3], (String) r[4], (String) r[5], SqlTimes.instant(r[6]), (String) r[7],
                        (String) r[8], (Boolean) r[9])).toList());
    }

    /** The thread's internal notes, oldest first. */
    public Uni<List<ThreadDtos.Note>> notes(long threadId) {
        return session().chain(s -> s.createNativeQuery("""
                SELECT n.id, u.display_name, n.body, n.created_at
                  FROM conversation_note n LEFT JOIN app_user u ON u.id = n.author_id
                 WHERE n.thread_id = :thread ORDER BY n.id""", Object[].class)
                .setParameter("thread", threadId).getResultList())
                .map(rows -> rows.stream().map(r -> new ThreadDtos.Note(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2], SqlTimes.instant(r[3]))).toList());
    }

    /** Sets the status (DONE records the resolution time, any other clears it) and moves the version on. */
    public Uni<Void> setStatus(long id, ThreadStatus status) {
        return session().chain(s -> s.createNativeQuery("""
                UPDATE conversation_thread
                   SET status = :status, version = version + 1,
                       resolved_at = CASE WHEN :status = 'DONE' THEN coalesce(resolved_at, now()) END
                 WHERE id = :id""").setParameter("status", status.name()).setParameter("id", id).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Assigns the thread (null: to nobody) and moves the version on. Assigning clears the unassigned-thread alert;
     * unassigning an assigned thread starts its unassigned time again (it is announced again after the set time).
     */
    public Uni<Void> setAssignee(long id, Long assigneeId) {
        return session().chain(s -> s.createNativeQuery("""
                UPDATE conversation_thread
                   SET unassigned_since = CASE WHEN CAST(:assignee AS bigint) IS NULL
                                               THEN CASE WHEN assignee_id IS NULL THEN unassigned_since ELSE now() END END,
                       unassigned_alerted_at = CASE WHEN CAST(:assignee AS bigint) IS NULL AND assignee_id IS NULL
                                                    THEN unassigned_alerted_at END,
                       assignee_id = CAST(:assignee AS bigint), version = version + 1
                 WHERE id = :id""")
                .setParameter("assignee", assigneeId).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    /** Marks the contact as a minor or not, and moves the version on. */
    public Uni<Void> setMinor(long id, boolean minor) {
        return session().chain(s -> s.createNativeQuery(
                "UPDATE conversation_thread SET minor = :minor, version = version + 1 WHERE id = :id")
                .setParameter("minor", minor).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    /** Whether the account may be assigned threads: it exists and is staff or admin. */
    public Uni<Boolean> isStaff(long accountId) {
        return session().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM app_user WHERE id = :id AND role IN ('STAFF', 'ADMIN')", Long.class)
                .setParameter("id", accountId).getSingleResult()).map(n -> n > 0);
    }

    /** Adds an internal note; answers its id. */
    public Uni<Long> addNote(long threadId, long authorId, String body) {
        return session().chain(s -> s.createNativeQuery("""
                INSERT INTO conversation_note (thread_id, author_id, body) VALUES (:thread, :author, :body) RETURNING id""",
                Long.class).setParameter("thread", threadId).setParameter("author", authorId).setParameter("body", body)
                .getSingleResult());
    }

    /**
     * Stores a reply the platform took (SENT) and records the thread's first response and who sent it; a NEW or OPEN thread now waits on
     * the contact (WAITING, a new version). Answers the message's id.
     */
    public Uni<Long> addReply(long threadId, ConversationChannel channel, String externalId, long authorId, String body,
            Instant sentAt) {
        return session().chain(s -> s.createNativeQuery("""
                INSERT INTO conversation_message (thread_id, channel, direction, external_id, body, sent_at, author_id, delivery)
                VALUES (:thread, :channel, 'OUT', CAST(:external AS varchar), :body, :sent, :author, 'SENT')
                RETURNING id""", Long.class)
                .setParameter("thread", threadId).setParameter("channel", channel.name()).setParameter("external", externalId)
                .setParameter("body", body).setParameter("sent", sentAt).setParameter("author", authorId).getSingleResult()
                .call(() -> s.createNativeQuery("""
                        UPDATE conversation_thread
                           SET first_responder_id = CASE WHEN first_response_at IS NULL THEN :author
                                                         ELSE first_responder_id END,
                               first_response_at = coalesce(first_response_at, :sent),
                               last_message_at = greatest(last_message_at, :sent),
                               version = CASE WHEN status IN ('NEW', 'OPEN') THEN version + 1 ELSE version END,
                               status = CASE WHEN status IN ('NEW', 'OPEN') THEN 'WAITING' ELSE status END
                         WHERE id = :thread""").setParameter("sent", sentAt).setParameter("author", authorId).setParameter("thread", threadId)
                        .executeUpdate()));
    }

    /**
     * Stores a reply the assistant sent on its own (SENT, automatic, no author): the thread's last-message time moves
     * on, its first response does not. With {@code resolves}, a NEW or OPEN thread nobody is assigned to becomes DONE (a
     * new version). Answers the message's id.
     */
    public Uni<Long> addAutomaticReply(long threadId, ConversationChannel channel, String externalId, String body,
            Instant sentAt, boolean resolves) {
        return session().chain(s -> s.createNativeQuery("""
                INSERT INTO conversation_message (thread_id, channel, direction, external_id, body, sent_at, delivery, automatic)
                VALUES (:thread, :channel, 'OUT', CAST(:external AS varchar), :body, :sent, 'SENT', true)
                RETURNING id""", Long.class)
                .setParameter("thread", threadId).setParameter("channel", channel.name()).setParameter("external", externalId)
                .setParameter("body", body).setParameter("sent", sentAt).getSingleResult()
                .call(() -> s.createNativeQuery("""
                        UPDATE conversation_thread
                           SET last_message_at = greatest(last_message_at, :sent),
                               version = CASE WHEN :resolves AND status IN ('NEW', 'OPEN') AND assignee_id IS NULL
                                              THEN version + 1 ELSE version END,
                               resolved_at = CASE WHEN :resolves AND status IN ('NEW', 'OPEN') AND assignee_id IS NULL
                                                  THEN now() ELSE resolved_at END,
                               status = CASE WHEN :resolves AND status IN ('NEW', 'OPEN') AND assignee_id IS NULL
                                             THEN 'DONE' ELSE status END
                         WHERE id = :thread""").setParameter("sent", sentAt).setParameter("resolves", resolves)
                        .setParameter("thread", threadId).executeUpdate()));
    }

    /** The text of the thread's latest inbound message, or null. */
    public Uni<String> lastInboundBody(long threadId) {
        return session().chain(s -> s.createNativeQuery("""
                SELECT body FROM conversation_message WHERE thread_id = :thread AND direction = 'IN'
                 ORDER BY sent_at DESC, id DESC LIMIT 1""", String.class).setParameter("thread", threadId).getResultList())
                .map(bodies -> bodies.isEmpty() ? null : bodies.get(0));
    }

    /** The external id of the thread's latest inbound message (what a reply answers), or null. */
    public Uni<String> lastInboundExternalId(long threadId) {
        return session().chain(s -> s.createNativeQuery("""
                SELECT external_id FROM conversation_message WHERE thread_id = :thread AND direction = 'IN'
                 ORDER BY sent_at DESC, id DESC LIMIT 1""", String.class).setParameter("thread", threadId).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** A thread whose unassigned-thread alert this run claimed. */
    public record Unassigned(long id, ConversationChannel channel) {
    }

    /**
     * Claims the alert of up to {@code limit} threads that are not DONE and have had no assignee since before
     * {@code cutoff}, and were not announced since: stamps them and answers them. Rows another instance is claiming
     * are skipped (and stamped by it), so each thread is claimed once.
     */
    public Uni<List<Unassigned>> claimUnassignedAlerts(Instant cutoff, int limit) {
        return session().chain(s -> s.createNativeQuery("""
                UPDATE conversation_thread t SET unassigned_alerted_at = now()
                 WHERE t.id IN (SELECT c.id FROM conversation_thread c
                                 WHERE c.assignee_id IS NULL AND c.unassigned_alerted_at IS NULL AND c.status <> 'DONE'
                                   AND c.unassigned_since < :cutoff
                                 ORDER BY c.unassigned_since, c.id LIMIT :limit FOR UPDATE SKIP LOCKED)
                   AND t.unassigned_alerted_at IS NULL
                RETURNING t.id, t.channel""", Object[].class)
                .setParameter("cutoff", cutoff).setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(r -> new Unassigned(((Number) r[0]).longValue(),
                        ConversationChannel.valueOf((String) r[1]))).sorted(java.util.Comparator.comparingLong(Unassigned::id))
                        .toList());
    }

    /**
     * The minors' retention: deletes the messages of minors' threads sent before {@code cutoff} and their notes written
     * before it, then empties the minors' threads with no message since (their contact's name and id go; the key
     * becomes the thread's own, so the platform's next message opens a new thread).
     */
    public Uni<MinorRetention.Purged> purgeMinorContent(Instant cutoff) {
        return session().chain(s -> s.createNativeQuery("""
                DELETE FROM conversation_message m USING conversation_thread t
                 WHERE m.thread_id = t.id AND t.minor AND m.sent_at < :cutoff""")
                .setParameter("cutoff", cutoff).executeUpdate()
                .chain(messages -> s.createNativeQuery("""
                        DELETE FROM conversation_note n USING conversation_thread t
                         WHERE n.thread_id = t.id AND t.minor AND n.created_at < :cutoff""")
                        .setParameter("cutoff", cutoff).executeUpdate()
                        .chain(notes -> s.createNativeQuery("""
                                UPDATE conversation_thread
                                   SET content_purged_at = now(), contact_name = NULL, contact_id = 'dihapus',
                                       thread_key = 'dihapus:' || id, version = version + 1
                                 WHERE minor AND content_purged_at IS NULL AND last_message_at < :cutoff""")
                                .setParameter("cutoff", cutoff).executeUpdate()
                                .map(emptied -> new MinorRetention.Purged(messages, notes, emptied)))));
    }

    /** The NOTIFY channel on which a changed thread's id is announced, at commit, to every instance. */
    public static final String CHANNEL = "conversation_changed";

    /** Announces the thread's change to every instance's live inbox pages when this transaction commits. */
    public Uni<Void> announce(long threadId) {
        return session().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_notify(:channel, :payload)) AS sent", Long.class)
                .setParameter("channel", CHANNEL).setParameter("payload", Long.toString(threadId)).getSingleResult())
                .replaceWithVoid();
    }

    /** Threads whose contact is this person: their platform id is the e-mail address (any case). */
    private static final String CONTACT = "lower(t.contact_id) = lower(:email)";

    /**
     * A person's part of the inbox as JSON: the threads they are the contact of, with every message (minors' threads
     * included), and, for staff, the notes and replies they wrote.
     */
    public Uni<String> exportJson(long accountId, String email) {
        return session().chain(s -> s.createNativeQuery("""
                SELECT json_build_object(
                    'threads', coalesce((SELECT json_agg(json_build_object('id', t.id, 'channel', t.channel, 'kind', t.kind,
                            'contactId', t.contact_id, 'contactName', t.contact_name, 'status', t.status, 'minor', t.minor,
                            'createdAt', t.created_at,
                            'messages', coalesce((SELECT json_agg(json_build_object('direction', m.direction, 'body', m.body,
                                    'sentAt', m.sent_at) ORDER BY m.sent_at, m.id)
                                FROM conversation_message m WHERE m.thread_id = t.id), '[]'::json)) ORDER BY t.id)
                        FROM conversation_thread t WHERE %s), '[]'::json),
                    'notesWritten', coalesce((SELECT json_agg(json_build_object('threadId', n.thread_id, 'body', n.body,
                            'createdAt', n.created_at) ORDER BY n.id)
                        FROM conversation_note n WHERE n.author_id = :account), '[]'::json),
                    'repliesWritten', coalesce((SELECT json_agg(json_build_object('threadId', m.thread_id, 'body', m.body,
                            'sentAt', m.sent_at) ORDER BY m.id)
                        FROM conversation_message m WHERE m.author_id = :account), '[]'::json))::text""".formatted(CONTACT),
                String.class).setParameter("account", accountId).setParameter("email", email).getSingleResult());
    }

    /**
     * Erases a person's part: the threads they are the contact of go with their messages and notes; what they wrote as
     * staff stays with the threads (the library's record of its answers) but no longer names them, nothing stays
     * assigned to them, and the report no longer counts them as anyone's first responder.
     */
    public Uni<Void> erase(long accountId, String email) {
        return session().chain(s -> s.createNativeQuery("DELETE FROM conversation_thread t WHERE " + CONTACT)
                .setParameter("email", email).executeUpdate()
                .chain(() -> s.createNativeQuery("UPDATE conversation_note SET author_id = NULL WHERE author_id = :account")
                        .setParameter("account", accountId).executeUpdate())
                .chain(() -> s.createNativeQuery("UPDATE conversation_message SET author_id = NULL WHERE author_id = :account")
                        .setParameter("account", accountId).executeUpdate())
                .chain(() -> s.createNativeQuery("""
                        UPDATE conversation_thread SET assignee_id = NULL, unassigned_since = now(), version = version + 1
                         WHERE assignee_id = :account""")
                        .setParameter("account", accountId).executeUpdate())
                .chain(() -> s.createNativeQuery(
                        "UPDATE conversation_thread SET first_responder_id = NULL WHERE first_responder_id = :account")
                        .setParameter("account", accountId).executeUpdate()))
                .replaceWithVoid();
    }
}
