package id.serambi.event.messaging;

import id.serambi.common.SqlTimes;
import id.serambi.event.registration.Registration;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.common.AffectedEntities;

/** All SQL of staff's messages to registrants, their outbox, and the feedback requests after an event. */
@ApplicationScoped
public class EventMessageRepository {

    private static final AffectedEntities REGISTRATIONS = new AffectedEntities(Registration.class);

    /** A guest whose data was erased has an address under this domain (see RegistrationRepository.erasedEmail). */
    static final String NOT_ERASED = "r.email NOT LIKE '%@invalid.serambi.id'";

    /** One e-mail of the outbox, claimed for sending. */
    public record Claimed(long messageId, long registrationId, long eventId, String name, String email, String subject,
            String body) {
    }

    /** How many registrants of the event each audience reaches now. */
    public Uni<Map<MessageAudience, Integer>> audienceCounts(long eventId) {
        StringBuilder sql = new StringBuilder("SELECT ");
        MessageAudience[] all = MessageAudience.values();
        for (int i = 0; i < all.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(all[i].condition).append(")");
        }
        sql.append(" FROM registration r WHERE r.event_id = :event AND ").append(NOT_ERASED);
        return Panache.getSession().chain(s -> s.createNativeQuery(sql.toString(), Object[].class)
                .setParameter("event", eventId).getSingleResult()).map(row -> {
                    Map<MessageAudience, Integer> counts = new EnumMap<>(MessageAudience.class);
                    for (int i = 0; i < all.length; i++) {
                        counts.put(all[i], ((Number) row[i]).intValue());
                    }
                    return counts;
                });
    }

    /**
     * Records the message and queues one e-mail per registrant of the audience, in one statement (one snapshot of
     * the registrations); returns the message id and the number of recipients.
     */
    public Uni<long[]> create(long eventId, MessageAudience audience, String subject, String body, long senderId,
            boolean whatsapp) {
        String recipients = "FROM registration r WHERE r.event_id = :event AND " + audience.condition + " AND " + NOT_ERASED;
        String sql = """
                WITH m AS (INSERT INTO event_message (event_id, audience, subject, body, sent_by, recipient_count,
                                                      whatsapp)
                           VALUES (:event, :audience, :subject, :body, :sender, (SELECT count(*) %1$s), :whatsapp)
                           RETURNING id, recipient_count),
                     q AS (INSERT INTO event_message_recipient (message_id, registration_id)
                           SELECT m.id, r.id FROM m, registration r
                            WHERE r.event_id = :event AND %2$s AND %3$s
                           RETURNING 1)
                SELECT m.id, (SELECT count(*) FROM q) FROM m""".formatted(recipients, audience.condition, NOT_ERASED);
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter("event", eventId).setParameter("audience", audience.name())
                .setParameter("subject", subject).setParameter("body", body).setParameter("sender", senderId)
                .setParameter("whatsapp", whatsapp).getSingleResult())
                .map(row -> new long[] { ((Number) row[0]).longValue(), ((Number) row[1]).longValue() });
    }

    /** The event's messages, newest first, with the sender's display name and how many went out. */
    public Uni<List<EventMessageDtos.Message>> list(long eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT m.id, m.event_id, m.audience, m.subject, m.body, u.display_name, m.recipient_count,
                       count(*) FILTER (WHERE q.channel = 'EMAIL' AND q.state = 'SENT'), m.created_at, m.whatsapp,
                       count(*) FILTER (WHERE q.channel = 'WHATSAPP'), count(*) FILTER (WHERE q.channel = 'EMAIL'),
                       count(*) FILTER (WHERE q.fell_back_at IS NOT NULL)
                  FROM event_message m LEFT JOIN app_user u ON u.id = m.sent_by
                  LEFT JOIN event_message_recipient q ON q.message_id = m.id
                 WHERE m.event_id = :event GROUP BY m.id, u.display_name ORDER BY m.id DESC""", Object[].class)
                .setParameter("event", eventId).getResultList())
                .map(rows -> rows.stream().map(EventMessageRepository::message).toList());
    }

    /** One message of the event, or null. */
    public Uni<EventMessageDtos.Message> find(long eventId, long messageId) {
        return list(eventId).map(all -> all.stream().filter(m -> m.id() == messageId).findFirst().orElse(null));
    }

    private static EventMessageDtos.Message message(Object[] r) {
        return new EventMessageDtos.Message(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                MessageAudience.valueOf((String) r[2]), (String) r[3], (String) r[4], (String) r[5],
                ((Number) r[6]).intValue(), ((Number) r[7]).intValue(), (Boolean) r[9], ((Number) r[10]).intValue(),
                ((Number) r[11]).intValue(), ((Number) r[12]).intValue(), SqlTimes.instant(r[8]));
    }

    /** A recipient with a WhatsApp number: [registration id, number]. */
    public record WithNumber(long registrationId, String number) {
    }

    /** The message's recipients that gave a WhatsApp number (whether they opted in is WhatsApp's to say). */
    public Uni<List<WithNumber>> withNumbers(long messageId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT r.id, r.whatsapp FROM event_message_recipient q JOIN registration r ON r.id = q.registration_id
                 WHERE q.message_id = :message AND r.whatsapp IS NOT NULL ORDER BY r.id""", Object[].class)
                .setParameter("message", messageId).getResultList())
                .map(rows -> rows.stream().map(r -> new WithNumber(((Number) r[0]).longValue(), (String) r[1])).toList());
    }

    /** These recipients go by WhatsApp: never claimed by the e-mail outbox (SENT: handed over). */
    public Uni<Void> byWhatsapp(long messageId, Collection<Long> registrationIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE event_message_recipient SET channel = 'WHATSAPP', state = 'SENT', sent_at = now()
                 WHERE message_id = :message AND registration_id = ANY(:ids) AND state = 'PENDING'""")
                .setParameter("message", messageId).setParameter("ids", registrationIds.toArray(Long[]::new))
                .executeUpdate()).replaceWithVoid();
    }

    /** A WhatsApp send that failed: the recipient goes back to the e-mail outbox, once; true when it did. */
    public Uni<Boolean> fallBack(long messageId, long registrationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE event_message_recipient SET channel = 'EMAIL', state = 'PENDING', attempts = 0, sent_at = NULL,
                       fell_back_at = now()
                 WHERE message_id = :message AND registration_id = :registration AND channel = 'WHATSAPP'""")
                .setParameter("message", messageId).setParameter("registration", registrationId).executeUpdate())
                .map(n -> n > 0);
    }

    /** Claims up to {@code max} waiting e-mails (PENDING → SENDING, SKIP LOCKED), oldest message first. */
    public Uni<List<Claimed>> claimPending(int max) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                WITH c AS (UPDATE event_message_recipient q
                              SET state = 'SENDING', claimed_at = now(), attempts = attempts + 1
                            WHERE (message_id, registration_id) IN (
                                  SELECT message_id, registration_id FROM event_message_recipient
                                   WHERE state = 'PENDING' ORDER BY message_id, registration_id
                                   LIMIT :max FOR UPDATE SKIP LOCKED)
                           RETURNING q.message_id, q.registration_id)
                SELECT c.message_id, c.registration_id, m.event_id, r.name, r.email, m.subject, m.body
                  FROM c JOIN event_message m ON m.id = c.message_id JOIN registration r ON r.id = c.registration_id
                 ORDER BY c.message_id, c.registration_id""", Object[].class)
                .setParameter("max", max).getResultList())
                .map(rows -> rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5], (String) r[6])).toList());
    }

    /** After a send: SENT when it went (or had nowhere to go), else back to PENDING, or FAILED after 3 attempts. */
    public Uni<Void> settle(Claimed c, boolean sent) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE event_message_recipient
                   SET state = CASE WHEN :sent THEN 'SENT' WHEN attempts >= 3 THEN 'FAILED' ELSE 'PENDING' END,
                       sent_at = CASE WHEN :sent THEN now() END
                 WHERE message_id = :message AND registration_id = :registration""")
                .setParameter("sent", sent).setParameter("message", c.messageId())
                .setParameter("registration", c.registrationId()).executeUpdate()).replaceWithVoid();
    }

    /**
     * Claims the registrations whose feedback request is due: a seat holder (CONFIRMED or ATTENDED) of an event that
     * was not cancelled and ended between {@code within} and {@code after} ago, not asked yet, not erased, and with no
     * feedback given. Each is claimed once (feedback_requested_at), so it is asked at most once by any instance.
     */
    public Uni<List<Long>> claimDueFeedbackRequests(Duration after, Duration within) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE registration r SET feedback_requested_at = now()
                  FROM event e
                 WHERE r.event_id = e.id AND e.status IN ('PUBLISHED', 'COMPLETED')
                   AND r.status IN ('CONFIRMED', 'ATTENDED') AND r.feedback_requested_at IS NULL
                   AND e.ends_at <= now() - :after * interval '1 second'
                   AND e.ends_at > now() - :within * interval '1 second'
                   AND r.email NOT LIKE '%@invalid.serambi.id'
                   AND NOT EXISTS (SELECT 1 FROM event_feedback f WHERE f.registration_id = r.id)
                RETURNING r.id""", Long.class, REGISTRATIONS)
                .setParameter("after", (double) after.toSeconds())
                .setParameter("within", (double) within.toSeconds())
                .getResultList());
    }

    static List<Long> ids(Collection<Claimed> claimed) {
        return claimed.stream().map(Claimed::registrationId).distinct().toList();
    }
}
