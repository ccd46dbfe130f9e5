package id.serambi.assistant.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * All SQL of the knowledge base and the questions asked. Lists and links travel as JSON text (PostgreSQL turns them
 * into text[] and jsonb), so no array binding is needed.
 */
@ApplicationScoped
public class FaqRepository {

    /** The NOTIFY channel on which a change of the knowledge base is announced, at commit, to every instance. */
    public static final String CHANNEL = "faq_changed";

    private static final String VIEW = """
            SELECT id, key, question_id, question_en, to_jsonb(alternatives)::text, answer_id, answer_en, links::text,
                   to_jsonb(tags)::text, live, active, updated_at, version FROM faq_entry""";
    private static final String VALUES = """
            :key, :questionId, :questionEn, ARRAY(SELECT jsonb_array_elements_text(CAST(CAST(:alternatives AS text) AS jsonb))),
            :answerId, :answerEn, CAST(CAST(:links AS text) AS jsonb), ARRAY(SELECT jsonb_array_elements_text(CAST(CAST(:tags AS text) AS jsonb))),
            :live, :active""";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<FaqDtos.Link>> LINKS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public FaqRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Every entry, or only the active ones, by key. */
    public Uni<List<FaqDtos.View>> list(boolean activeOnly) {
        return Panache.getSession().chain(s -> s.createNativeQuery(VIEW + (activeOnly ? " WHERE active" : "") + " ORDER BY key",
                Object[].class).getResultList()).map(rows -> rows.stream().map(this::view).toList());
    }

    /** The entry, or null; {@code lock} takes its row lock. */
    public Uni<FaqDtos.View> find(long id, boolean lock) {
        return Panache.getSession().chain(s -> s.createNativeQuery(VIEW + " WHERE id = :id" + (lock ? " FOR UPDATE" : ""),
                Object[].class).setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : view(rows.get(0)));
    }

    public Uni<Long> count() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM faq_entry", Long.class).getSingleResult());
    }

    /** Whether another entry has this key. */
    public Uni<Boolean> keyTaken(String key, long exceptId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM faq_entry WHERE key = :key AND id <> :id", Long.class)
                .setParameter("key", key).setParameter("id", exceptId).getSingleResult()).map(n -> n > 0);
    }

    /** Inserts it unless the key is taken (the unique index decides): its id, or null. */
    public Uni<Long> create(FaqDtos.Request r) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("INSERT INTO faq_entry (key, question_id, question_en, "
                + "alternatives, answer_id, answer_en, links, tags, live, active) VALUES (" + VALUES
                + ") ON CONFLICT (key) DO NOTHING RETURNING id", Long.class), r).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    public Uni<Void> update(long id, FaqDtos.Request r) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("UPDATE faq_entry SET (key, question_id, question_en, "
                + "alternatives, answer_id, answer_en, links, tags, live, active) = (" + VALUES
                + "), updated_at = now(), version = version + 1 WHERE id = :id RETURNING id", Long.class), r)
                .setParameter("id", id).getResultList()).replaceWithVoid();
    }

    /** Deletes it; whether there was one. The questions it answered keep their text, without the entry. */
    public Uni<Boolean> delete(long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM faq_entry WHERE id = :id")
                .setParameter("id", id).executeUpdate()).map(n -> n > 0);
    }

    /** Announces a change of the knowledge base to every instance when this transaction commits. */
    public Uni<Void> announce() {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_notify(:channel, '')) AS sent", Long.class)
                .setParameter("channel", CHANNEL).getSingleResult()).replaceWithVoid();
    }

    /** Logs a question asked; the entry is left out when it was deleted meanwhile. */
    public Uni<Void> logQuestion(String question, String language, Long entryId, double confidence, boolean handedOver) {
        return logQuestion(question, language, entryId, confidence, handedOver, null, false);
    }

    /** Logs a question a signed-in asker (null: anonymous) asked; a minor's is deleted after the minors' retention. */
    public Uni<Void> logQuestion(String question, String language, Long entryId, double confidence, boolean handedOver,
            Long accountId, boolean minor) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO assistant_question (question, language, entry_id, confidence, handed_over, account_id, minor)
                VALUES (:question, :language, (SELECT id FROM faq_entry WHERE id = :entry), :confidence, :handedOver,
                        CAST(:account AS bigint), :minor)""")
                .setParameter("question", question).setParameter("language", language)
                .setParameter("entry", entryId == null ? -1L : entryId)
                .setParameter("confidence", BigDecimal.valueOf(Math.max(0, Math.min(1, confidence))).setScale(3, RoundingMode.HALF_UP))
                .setParameter("handedOver", handedOver).setParameter("account", accountId).setParameter("minor", minor)
                .executeUpdate()).replaceWithVoid();
    }

    /** The questions the account asked while signed in, oldest first, as a JSON array. */
    public Uni<String> questionsJson(long accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT coalesce(json_agg(json_build_object('question', q.question, 'language', q.language,
                        'handedOver', q.handed_over, 'askedAt', q.created_at) ORDER BY q.created_at, q.id), '[]'::json)::text
                  FROM assistant_question q WHERE q.account_id = :account""", String.class)
                .setParameter("account", accountId).getSingleResult());
    }

    /** Deletes the questions the account asked while signed in. */
    public Uni<Integer> deleteQuestions(long accountId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM assistant_question WHERE account_id = :account")
                .setParameter("account", accountId).executeUpdate());
    }

    /** Deletes minors' questions asked before the cutoff; answers how many. */
    public Uni<Integer> deleteMinorQuestions(Instant cutoff) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM assistant_question WHERE minor AND created_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    /** The handed-over questions, the same text (any case, any spacing at the ends) once with its count, newest first. */
    public Uni<List<FaqDtos.Unanswered>> unanswered(int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT (array_agg(btrim(question) ORDER BY created_at DESC))[1], count(*), max(created_at)
                  FROM assistant_question WHERE handed_over
                 GROUP BY lower(btrim(question)) ORDER BY max(created_at) DESC LIMIT :limit""", Object[].class)
                .setParameter("limit", limit).getResultList())
                .map(rows -> rows.stream().map(r -> new FaqDtos.Unanswered((String) r[0], ((Number) r[1]).longValue(),
                        SqlTimes.instant(r[2]))).toList());
    }

    private <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> q, FaqDtos.Request r) {
        return q.setParameter("key", r.key()).setParameter("questionId", r.questionId().strip())
                .setParameter("questionEn", r.questionEn().strip()).setParameter("alternatives", write(strip(r.alternatives())))
                .setParameter("answerId", r.answerId().strip()).setParameter("answerEn", r.answerEn().strip())
                .setParameter("links", write(r.links())).setParameter("tags", write(strip(r.tags())))
                .setParameter("live", r.live() == null ? null : r.live().name()).setParameter("active", r.active());
    }

    private static List<String> strip(List<String> texts) {
        return texts.stream().map(String::strip).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(Object text, TypeReference<T> type) {
        try {
            return json.readValue((String) text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FaqDtos.View view(Object[] r) {
        return new FaqDtos.View(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], read(r[4], STRINGS),
                (String) r[5], (String) r[6], read(r[7], LINKS), read(r[8], STRINGS),
                r[9] == null ? null : LiveAnswer.valueOf((String) r[9]), (Boolean) r[10], SqlTimes.instant(r[11]),
                ((Number) r[12]).intValue());
    }
}
