package id.serambi.survey.builder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** All SQL of the survey builder. The sections travel as JSON text and are stored as one JSONB document. */
@ApplicationScoped
public class SurveyRepository {

    private static final String VIEW = """
            SELECT s.id, s.title_id, s.title_en, s.intro_id, s.intro_en, s.access, s.one_per_person, s.status, s.sections::text,
                   (SELECT count(*) FROM survey_response r WHERE r.survey_id = s.id), s.updated_at, s.version FROM survey s""";
    private static final String VALUES = """
            :titleId, :titleEn, :introId, :introEn, :access, :onePerPerson, CAST(CAST(:sections AS text) AS jsonb)""";
    private static final TypeReference<List<SurveyDtos.Section>> SECTIONS = new TypeReference<>() {
    };

    /** A page of surveys and how many there are. */
    public record Page(List<SurveyDtos.View> items, long total) {
    }

    private final ObjectMapper json;

    public SurveyRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Most recently changed first, then by id (a stable order); only those in {@code status} unless it is null. */
    public Uni<Page> page(SurveyDtos.Status status, int offset, int size) {
        String where = status == null ? "" : " WHERE s.status = :status";
        return Panache.getSession().chain(s -> only(s.createNativeQuery("SELECT count(*) FROM survey s" + where, Long.class), status)
                .getSingleResult()
                .chain(total -> only(s.createNativeQuery(VIEW + where + " ORDER BY s.updated_at DESC, s.id DESC OFFSET :offset LIMIT :size",
                        Object[].class), status).setParameter("offset", offset).setParameter("size", size).getResultList()
                        .map(rows -> new Page(rows.stream().map(this::view).toList(), total))));
    }

    private static <T> Mutiny.SelectionQuery<T> only(Mutiny.SelectionQuery<T> q, SurveyDtos.Status status) {
        return status == null ? q : q.setParameter("status", status.name());
    }

    /** The survey, or null; {@code lock} takes its row lock. */
    public Uni<SurveyDtos.View> find(long id, boolean lock) {
        return Panache.getSession().chain(s -> s.createNativeQuery(VIEW + " WHERE s.id = :id" + (lock ? " FOR UPDATE OF s" : ""),
                Object[].class).setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : view(rows.get(0)));
    }

    /** Inserts it as a draft; its id. */
    public Uni<Long> create(SurveyDtos.Request r) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("INSERT INTO survey (title_id, title_en, intro_id, intro_en, "
                + "access, one_per_person, sections) VALUES (" + VALUES + ") RETURNING id", Long.class), r).getSingleResult());
    }

    public Uni<Void> update(long id, SurveyDtos.Request r) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("UPDATE survey SET (title_id, title_en, intro_id, intro_en, "
                + "access, one_per_person, sections) = (" + VALUES + "), updated_at = now(), version = version + 1 "
                + "WHERE id = :id RETURNING id", Long.class), r).setParameter("id", id).getResultList()).replaceWithVoid();
    }

    public Uni<Void> status(long id, SurveyDtos.Status status) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE survey SET status = :status, updated_at = now(), version = version + 1 WHERE id = :id")
                .setParameter("status", status.name()).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    /** Deletes it; false when it has responses (the RESTRICT reference is the last word, this check the first). */
    public Uni<Boolean> deleteWithoutResponses(long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM survey s WHERE s.id = :id AND NOT EXISTS (SELECT 1 FROM survey_response r WHERE r.survey_id = s.id)")
                .setParameter("id", id).executeUpdate()).map(n -> n > 0);
    }

    /**
     * The smallest and largest number given so far to a question (null, null when none was); an answer that is not
     * a number is left out.
     */
    public Uni<BigDecimal[]> answeredRange(long surveyId, String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT min((answers ->> :key)::numeric), max((answers ->> :key)::numeric) FROM survey_response
                 WHERE survey_id = :id AND jsonb_typeof(answers -> :key) = 'number'""", Object[].class)
                .setParameter("key", key).setParameter("id", surveyId).getSingleResult())
                .map(r -> new BigDecimal[] { decimal(r[0]), decimal(r[1]) });
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> q, SurveyDtos.Request r) {
        return q.setParameter("titleId", r.title().id().strip()).setParameter("titleEn", r.title().en().strip())
                .setParameter("introId", r.introduction().id().strip()).setParameter("introEn", r.introduction().en().strip())
                .setParameter("access", r.access().name()).setParameter("onePerPerson", r.onePerPerson())
                .setParameter("sections", write(r.sections()));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SurveyDtos.View view(Object[] r) {
        try {
            return new SurveyDtos.View(((Number) r[0]).longValue(), new SurveyDtos.Text((String) r[1], (String) r[2]),
                    new SurveyDtos.LongText((String) r[3], (String) r[4]), SurveyDtos.Access.valueOf((String) r[5]), (Boolean) r[6],
                    SurveyDtos.Status.valueOf((String) r[7]), json.readValue((String) r[8], SECTIONS), ((Number) r[9]).longValue(),
                    SqlTimes.instant(r[10]), ((Number) r[11]).intValue());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
