package id.serambi.conversation.whatsapp;

import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** All SQL of WhatsApp to registrants: the opt-ins, the numbers that said BERHENTI, and the outbox with its statuses. */
@ApplicationScoped
public class WhatsappRepository {

    /** Statuses in their order: one arriving late never replaces a later one ('failed' is the last word). */
    static final String RANK = "CASE %s WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE 0 END";

    static final String WITHDRAWN = "Opt-in withdrawn";
    static final String STOPPED = "Opted out (BERHENTI)";

    /** A message claimed for sending. */
    public record Claimed(long id, long registrationId, String notice, String number, String template, String language,
            List<String> parameters, int attempts, String body) {
    }

    /**
     * A row whose delivery failed and whose e-mail is now due (claimed: it is sent once); {@code messageId} is staff's
     * event message it carried, or null.
     */
    public record FallBack(long id, long registrationId, String notice, Long messageId) {
    }

    /** A registration's consent and latest message, as {@link #states} reads them. */
    public record StateRow(long registrationId, boolean withdrawn, String notice, String state, String delivery,
            boolean fellBack, Instant at) {
    }

    public Uni<Void> optIn(long registrationId, String language) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO whatsapp_consent (registration_id, language) VALUES (:id, :language)
                ON CONFLICT (registration_id) DO UPDATE SET language = EXCLUDED.language, opted_in_at = now(),
                                                            withdrawn_at = NULL""")
                .setParameter("id", registrationId).setParameter("language", language).executeUpdate())
                .replaceWithVoid();
    }

    /** Withdraws the opt-in; the registration's messages still queued go by e-mail instead (none once erased). */
    public Uni<Void> withdraw(long registrationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE whatsapp_consent SET withdrawn_at = now() WHERE registration_id = :id AND withdrawn_at IS NULL")
                .setParameter("id", registrationId).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                        UPDATE whatsapp_message SET state = 'FAILED', error_title = :why, to_number = NULL,
                               parameters = NULL, body = NULL
                         WHERE state = 'PENDING' AND registration_id = :id""")
                        .setParameter("id", registrationId).setParameter("why", WITHDRAWN).executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Boolean> optedIn(long registrationId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM whatsapp_consent WHERE registration_id = :id AND withdrawn_at IS NULL", Long.class)
                .setParameter("id", registrationId).getSingleResult()).map(n -> n > 0);
    }

    /** The number said BERHENTI: remembered whatever registration names it; its queued messages go by e-mail. */
    public Uni<Void> stop(String number) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO whatsapp_opt_out (number) VALUES (:number) ON CONFLICT (number) DO NOTHING")
                .setParameter("number", number).executeUpdate()
                .chain(() -> s.createNativeQuery("""
                        UPDATE whatsapp_message SET state = 'FAILED', error_title = :why,
                               to_number = NULL, parameters = NULL, body = NULL
                         WHERE state = 'PENDING' AND to_number = :number""")
                        .setParameter("number", number).setParameter("why", STOPPED).executeUpdate()))
                .replaceWithVoid();
    }

    /** The number wrote MULAI or START: it may be messaged again (where a registration opted in). */
    public Uni<Void> restart(String number) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM whatsapp_opt_out WHERE number = :number")
                .setParameter("number", number).executeUpdate()).replaceWithVoid();
    }

    /** Of these registrations, the ones opted in and not withdrawn: [registration id, language]. */
    public Uni<List<Object[]>> consents(Collection<Long> registrationIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT registration_id, language FROM whatsapp_consent
                 WHERE registration_id = ANY(:ids) AND withdrawn_at IS NULL""", Object[].class)
                .setParameter("ids", registrationIds.toArray(Long[]::new)).getResultList());
    }

    /** Of these numbers, the ones that said BERHENTI. */
    public Uni<Set<String>> stopped(Collection<String> numbers) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT number FROM whatsapp_opt_out WHERE number = ANY(:numbers)", String.class)
                .setParameter("numbers", numbers.toArray(String[]::new)).getResultList()).map(Set::copyOf);
    }

    public Uni<Void> enqueue(long registrationId, String notice, String number, String template, String language,
            List<String> parameters) {
        return enqueue(registrationId, notice, number, template, language, parameters, null, null);
    }

    /**
     * Queues one message; {@code messageId} is staff's event message it carries (or null), {@code body} the free text
     * to send instead of the template (inside the 24-hour window), or null.
     */
    public Uni<Void> enqueue(long registrationId, String notice, String number, String template, String language,
            List<String> parameters, Long messageId, String body) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO whatsapp_message (registration_id, notice, to_number, template, language, parameters,
                                              event_message_id, body)
                VALUES (:registration, :notice, :number, :template, :language, CAST(CAST(:parameters AS text) AS jsonb),
                        :message, :body)""")
                .setParameter("registration", registrationId).setParameter("notice", notice)
                .setParameter("number", number).setParameter("template", template).setParameter("language", language)
                .setParameter("parameters", new JsonArray(List.copyOf(parameters)).encode())
                .setParameter("message", messageId).setParameter("body", body).executeUpdate())
                .replaceWithVoid();
    }

    /** A moved registration keeps the opt-in of the one it came from (unless that was withdrawn). */
    public Uni<Void> carryOver(long from, long to) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO whatsapp_consent (registration_id, language, opted_in_at)
                SELECT :to, language, opted_in_at FROM whatsapp_consent WHERE registration_id = :from AND withdrawn_at IS NULL
                ON CONFLICT (registration_id) DO NOTHING""")
                .setParameter("from", from).setParameter("to", to).executeUpdate()).replaceWithVoid();
    }

    /**
     * Of these numbers, the ones whose WhatsApp thread has a message from them sent after {@code since}: their 24-hour
     * customer-service window is open.
     */
    public Uni<Set<String>> windowOpen(Collection<String> numbers, Instant since) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT t.thread_key FROM conversation_thread t
                 WHERE t.channel = 'WHATSAPP' AND t.thread_key = ANY(:numbers)
                   AND EXISTS (SELECT 1 FROM conversation_message m
                                WHERE m.thread_id = t.id AND m.direction = 'IN' AND m.sent_at > :since)""", String.class)
                .setParameter("numbers", numbers.toArray(String[]::new)).setParameter("since", since).getResultList())
                .map(Set::copyOf);
    }

    /** The consent of each of these registrations that has one, with its latest message (if any). */
    public Uni<List<StateRow>> states(Collection<Long> registrationIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT c.registration_id, c.withdrawn_at IS NOT NULL, m.notice, m.state, m.delivery,
                       m.state = 'FAILED' OR m.delivery = 'failed',
                       COALESCE(m.delivery_at, m.sent_at, m.created_at)
                  FROM whatsapp_consent c
                  LEFT JOIN LATERAL (SELECT * FROM whatsapp_message w WHERE w.registration_id = c.registration_id
                                      ORDER BY w.id DESC LIMIT 1) m ON true
                 WHERE c.registration_id = ANY(:ids)""", Object[].class)
                .setParameter("ids", registrationIds.toArray(Long[]::new)).getResultList())
                .map(rows -> rows.stream().map(r -> new StateRow(((Number) r[0]).longValue(), (Boolean) r[1],
                        (String) r[2], (String) r[3], (String) r[4], Boolean.TRUE.equals(r[5]),
                        r[6] == null ? null : SqlTimes.instant(r[6]))).toList());
    }

    /** The consent and messages of these registrations, as a JSON array (personal data export). */
    public Uni<String> export(Collection<Long> registrationIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT coalesce(json_agg(json_build_object('registrationId', c.registration_id,
                         'language', c.language, 'optedInAt', c.opted_in_at, 'withdrawnAt', c.withdrawn_at,
                         'messages', coalesce((SELECT json_agg(json_build_object('notice', m.notice,
                                 'template', m.template, 'state', m.state, 'delivery', m.delivery,
                                 'deliveryAt', m.delivery_at, 'sentAt', m.sent_at, 'errorCode', m.error_code,
                                 'error', m.error_title, 'emailInsteadAt', m.fell_back_at, 'queuedAt', m.created_at)
                                 ORDER BY m.id) FROM whatsapp_message m WHERE m.registration_id = c.registration_id),
                                 '[]'::json)) ORDER BY c.registration_id), '[]'::json)::text
                  FROM whatsapp_consent c WHERE c.registration_id = ANY(:ids)""", String.class)
                .setParameter("ids", registrationIds.toArray(Long[]::new)).getSingleResult());
    }

    /** Erasure: the opt-ins withdrawn, the messages deleted (the opt-out list of numbers stays). */
    public Uni<Void> erase(Collection<Long> registrationIds) {
        Long[] ids = registrationIds.toArray(Long[]::new);
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE whatsapp_consent SET withdrawn_at = now() WHERE registration_id = ANY(:ids) AND withdrawn_at IS NULL")
                .setParameter("ids", ids).executeUpdate()
                .chain(() -> s.createNativeQuery("DELETE FROM whatsapp_message WHERE registration_id = ANY(:ids)")
                        .setParameter("ids", ids).executeUpdate()))
                .replaceWithVoid();
    }

    /**
     * Claims up to {@code limit} due messages in one statement: PENDING and due, SKIP LOCKED, marked SENDING. Another
     * instance's run at the same moment gets other rows or none.
     */
    public Uni<List<Claimed>> claimDue(int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE whatsapp_message m SET state = 'SENDING', claimed_at = now(), attempts = m.attempts + 1
                  FROM (SELECT id FROM whatsapp_message
                         WHERE state = 'PENDING' AND next_attempt_at <= now()
                         ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) due
                 WHERE m.id = due.id
             RETURNING m.id, m.registration_id, m.notice, m.to_number, m.template, m.language, CAST(m.parameters AS text),
                       m.attempts, m.body""", Object[].class)
                .setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                        new JsonArray((String) r[6]).stream().map(String::valueOf).toList(), ((Number) r[7]).intValue(),
                        (String) r[8]))
                        .sorted(java.util.Comparator.comparingLong(Claimed::id)).toList());
    }

    /** Sent: the platform's message id; the number and parameters are no longer needed. */
    public Uni<Void> sent(long id, String wamid) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE whatsapp_message SET state = 'SENT', sent_at = now(), wamid = :wamid, to_number = NULL,
                       parameters = NULL, body = NULL
                 WHERE id = :id AND state = 'SENDING'""")
                .setParameter("id", id).setParameter("wamid", wamid).executeUpdate()).replaceWithVoid();
    }

    /** Rate-limited or unanswered: back to PENDING, due again after the wait. */
    public Uni<Void> later(long id, Duration wait, Integer code, String title) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE whatsapp_message SET state = 'PENDING', next_attempt_at = :at, error_code = :code,
                       error_title = :title
                 WHERE id = :id AND state = 'SENDING'""")
                .setParameter("id", id).setParameter("at", Instant.now().plus(wait)).setParameter("code", code)
                .setParameter("title", clip(title)).executeUpdate()).replaceWithVoid();
    }

    /** Refused for good: FAILED, with the reason; the e-mail is due. */
    public Uni<Void> failed(long id, Integer code, String title) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE whatsapp_message SET state = 'FAILED', error_code = :code, error_title = :title, to_number = NULL,
                       parameters = NULL, body = NULL
                 WHERE id = :id AND state = 'SENDING'""")
                .setParameter("id", id).setParameter("code", code).setParameter("title", clip(title)).executeUpdate())
                .replaceWithVoid();
    }

    /**
     * A status from the webhook, stored on the message with this wamid unless a later one is stored already (a
     * repeated delivery changes nothing); true when it was stored.
     */
    public Uni<Boolean> status(String wamid, String status, Instant at, Integer code, String title) {
        return Panache.getSession().chain(s -> s.createNativeQuery(("""
                UPDATE whatsapp_message SET delivery = :status, delivery_at = :at,
                       error_code = COALESCE(:code, error_code), error_title = COALESCE(:title, error_title)
                 WHERE wamid = :wamid AND %s < %s""").formatted(RANK.formatted("delivery"), RANK.formatted(":status")))
                .setParameter("wamid", wamid).setParameter("status", status).setParameter("at", at)
                .setParameter("code", code).setParameter("title", clip(title)).executeUpdate()).map(n -> n > 0);
    }

    /** Claims the e-mails due instead of failed messages (FAILED or delivery 'failed'), each once. */
    public Uni<List<FallBack>> claimFallBacks(int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE whatsapp_message m SET fell_back_at = now()
                  FROM (SELECT id FROM whatsapp_message
                         WHERE fell_back_at IS NULL AND (state = 'FAILED' OR delivery = 'failed')
                         ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED) due
                 WHERE m.id = due.id
             RETURNING m.id, m.registration_id, m.notice, m.event_message_id""", Object[].class)
                .setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(r -> new FallBack(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        (String) r[2], r[3] == null ? null : ((Number) r[3]).longValue())).sorted(java.util.Comparator.comparingLong(FallBack::id)).toList());
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
