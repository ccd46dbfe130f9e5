package id.serambi.notification.inbox;

import id.serambi.notification.Notice;
import id.serambi.notification.NotificationKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.reactive.common.AffectedEntities;

/**
 * Every query on notifications and e-mail preferences. The writes announce the accounts whose unread count changed on
 * {@link #CHANNEL} with pg_notify in the same transaction, so every instance hears of them at commit, and only then.
 */
@ApplicationScoped
public class NotificationRepository implements PanacheRepository<Notification> {

    /** LISTEN channel: payload "new:1,2,3" (notifications created for these accounts) or "read:1". */
    public static final String CHANNEL = "serambi_notifications";
    private static final AffectedEntities NOTIFICATIONS = new AffectedEntities(Notification.class);
    /** pg_notify's payload must stay under 8,000 bytes: ids are announced this many at a time. */
    private static final int ANNOUNCE_BATCH = 500;

    /** One e-mail to send: a claimed notification. */
    public record PendingEmail(long id, long accountId, String kind, String title, String body, String link) {
    }

    private final Pool pool;

    public NotificationRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Writes the notice for each account, in the caller's transaction; its e-mail waits (PENDING) unless the account
     * turned this kind off (OFF). Announces the accounts at commit.
     */
    public Uni<Void> insert(List<Long> accountIds, Notice notice) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String ids = accountIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO notification (account_id, kind, title, body, link, created_at, email_state)
                SELECT a, :kind, :title, :body, :link, now(),
                       CASE WHEN EXISTS (SELECT 1 FROM notification_email_off o WHERE o.account_id = a AND o.kind = :kind)
                            THEN 'OFF' ELSE 'PENDING' END
                  FROM unnest(cast(string_to_array(:ids, ',') AS bigint[])) AS a""", NOTIFICATIONS)
                .setParameter("kind", notice.kind().name())
                .setParameter("title", notice.title())
                .setParameter("body", notice.body())
                .setParameter("link", notice.link())
                .setParameter("ids", ids)
                .executeUpdate())
                .chain(() -> announce("new", accountIds));
    }

    private Uni<Void> announce(String what, List<Long> accountIds) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (int from = 0; from < accountIds.size(); from += ANNOUNCE_BATCH) {
            String payload = what + ":" + accountIds.subList(from, Math.min(accountIds.size(), from + ANNOUNCE_BATCH))
                    .stream().map(String::valueOf).collect(Collectors.joining(","));
            all = all.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                    "SELECT count(*) FROM (SELECT pg_notify(:channel, :payload)) AS sent", Long.class)
                    .setParameter("channel", CHANNEL)
                    .setParameter("payload", payload)
                    .getSingleResult()))
                    .replaceWithVoid();
        }
        return all;
    }

    /** The account's notifications, newest first; only the unread ones when asked. */
    public Uni<List<Notification>> page(long accountId, boolean unreadOnly, int page, int size) {
        return find("accountId = ?1" + (unreadOnly ? " and readAt is null" : "") + " order by id desc", accountId)
                .page(page, size).list();
    }

    public Uni<Long> count(long accountId, boolean unreadOnly) {
        return count("accountId = ?1" + (unreadOnly ? " and readAt is null" : ""), accountId);
    }

    /**
     * Marks one of the account's notifications read (it stays read if it was): true when the account has it, false
     * when the id is unknown or someone else's.
     */
    public Uni<Boolean> markRead(long accountId, long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                WITH target AS (SELECT id, read_at FROM notification WHERE id = :id AND account_id = :account FOR UPDATE)
                UPDATE notification n SET read_at = coalesce(n.read_at, now()) FROM target
                 WHERE n.id = target.id
                RETURNING (target.read_at IS NULL)""", Boolean.class, NOTIFICATIONS)
                .setParameter("id", id).setParameter("account", accountId).getResultList())
                .chain(changed -> changed.isEmpty() ? Uni.createFrom().item(false)
                        : (changed.get(0) ? announce("read", List.of(accountId)) : Uni.createFrom().voidItem())
                                .replaceWith(true));
    }

    /** Marks every unread notification of the account read; how many. */
    public Uni<Integer> markAllRead(long accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE notification SET read_at = now() WHERE account_id = :account AND read_at IS NULL", NOTIFICATIONS)
                .setParameter("account", accountId).executeUpdate())
                .call(marked -> marked > 0 ? announce("read", List.of(accountId)) : Uni.createFrom().voidItem());
    }

    /** The unread count on the connection pool, outside any session: for the live streams. */
    public Uni<Long> unreadNow(long accountId) {
        return pool.preparedQuery("SELECT count(*) FROM notification WHERE account_id = $1 AND read_at IS NULL")
                .execute(Tuple.of(accountId)).map(rows -> rows.iterator().next().getLong(0));
    }

    // ---- the e-mail outbox ----

    /**
     * Claims up to {@code max} waiting e-mails (PENDING → SENDING) and returns them. Rows another sender holds are
     * skipped, so concurrent senders on any instances claim disjoint sets, and each e-mail once.
     */
    public Uni<List<PendingEmail>> claimPendingEmails(int max) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE notification SET email_state = 'SENDING'
                 WHERE id IN (SELECT id FROM notification WHERE email_state = 'PENDING'
                               ORDER BY id LIMIT :max FOR UPDATE SKIP LOCKED)
                RETURNING id, account_id, kind, title, body, link""", Object[].class, NOTIFICATIONS)
                .setParameter("max", max).getResultList())
                .map(rows -> rows.stream().map(r -> new PendingEmail(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4], (String) r[5]))
                        .toList());
    }

    public Uni<Void> markSent(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE notification SET email_state = 'SENT', email_sent_at = now() WHERE id IN (:ids)", NOTIFICATIONS)
                .setParameter("ids", List.copyOf(ids)).executeUpdate()).replaceWithVoid();
    }

    // ---- e-mail preferences ----

    /** The kinds whose e-mail the account turned off. */
    public Uni<Set<String>> emailOff(long accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT kind FROM notification_email_off WHERE account_id = :account", String.class)
                .setParameter("account", accountId).getResultList())
                .map(Set::copyOf);
    }

    /** Turns the e-mail of one kind on or off for the account. */
    public Uni<Void> setEmail(long accountId, NotificationKind kind, boolean on) {
        String sql = on ? "DELETE FROM notification_email_off WHERE account_id = :account AND kind = :kind"
                : "INSERT INTO notification_email_off (account_id, kind) VALUES (:account, :kind) ON CONFLICT DO NOTHING";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql)
                .setParameter("account", accountId).setParameter("kind", kind.name()).executeUpdate())
                .replaceWithVoid();
    }

    // ---- personal data ----

    /** The account's notifications (newest first) and the kinds it gets no e-mail for, as JSON text. */
    public Uni<String> exportJson(long accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT json_build_object(
                    'notifications', coalesce((SELECT json_agg(json_build_object('id', n.id, 'kind', n.kind,
                            'title', n.title, 'body', n.body, 'link', n.link, 'createdAt', n.created_at,
                            'readAt', n.read_at, 'emailState', n.email_state, 'emailSentAt', n.email_sent_at)
                            ORDER BY n.id DESC) FROM notification n WHERE n.account_id = :account), '[]'::json),
                    'emailOff', coalesce((SELECT json_agg(o.kind ORDER BY o.kind) FROM notification_email_off o
                            WHERE o.account_id = :account), '[]'::json))::text""", String.class)
                .setParameter("account", accountId).getSingleResult());
    }

    public Uni<Void> erase(long accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM notification_email_off WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate()
                .chain(() -> s.createNativeQuery("DELETE FROM notification WHERE account_id = :account", NOTIFICATIONS)
                        .setParameter("account", accountId).executeUpdate()))
                .replaceWithVoid();
    }
}
