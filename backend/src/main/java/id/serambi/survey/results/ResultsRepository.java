package id.serambi.survey.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.survey.SurveySatisfaction.Satisfaction;
import id.serambi.survey.results.ResultsDtos.Filter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * All SQL of the survey results. Every figure is counted by PostgreSQL over the responses' JSONB answers
 * ({@code jsonb_each} per answer); only the export reads the responses one by one. Question keys travel as one JSON
 * array parameter.
 */
@ApplicationScoped
public class ResultsRepository {

    /** One answer per row: the response {@code r} and its answer {@code e} (key, value). */
    private static final String ANSWERS = " FROM survey_response r CROSS JOIN LATERAL jsonb_each(r.answers) e WHERE ";
    private static final String KEYS = " AND e.key IN (SELECT jsonb_array_elements_text(CAST(CAST(:keys AS text) AS jsonb)))";
    /** The text of a scalar JSON value: a string without its quotes, a number as written. */
    private static final String SCALAR = "(jsonb_build_array(e.value) ->> 0)";

    /** A response of the export: its context (with the event's and challenge's titles) and its answers by question key. */
    public record Row(long id, LocalDate submittedOn, String eventTitle, String challengeTitle, String phase, String ageGroup,
            Map<String, Object> answers) {
    }

    /** A NUMBER question's figures. */
    public record Numbers(double min, double median, double mean, double max) {
    }

    private final ObjectMapper json;

    public ResultsRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Responses in the filter. */
    public Uni<Long> count(long surveyId, Filter f) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("SELECT count(*) FROM survey_response r WHERE "
                + where(f), Long.class), surveyId, f).getSingleResult());
    }

    /** By question key, the responses that answered it (a value that is not null, not "" and not []). */
    public Uni<Map<String, Long>> answered(long surveyId, Filter f) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("SELECT e.key, count(*)" + ANSWERS + where(f)
                + " AND jsonb_typeof(e.value) <> 'null' AND e.value <> '\"\"'::jsonb AND e.value <> '[]'::jsonb GROUP BY e.key",
                Object[].class), surveyId, f).getResultList()).map(ResultsRepository::byKey);
    }

    /**
     * By question key then value, the responses that gave it: an option key, a scale or NPS value; each element of a
     * multiple choice counts once per response.
     */
    public Uni<Map<String, Map<String, Long>>> values(long surveyId, Filter f, List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("SELECT e.key, v.value, count(DISTINCT r.id)"
                + " FROM survey_response r CROSS JOIN LATERAL jsonb_each(r.answers) e CROSS JOIN LATERAL ("
                + " SELECT " + SCALAR + " AS value WHERE jsonb_typeof(e.value) IN ('string', 'number')"
                + " UNION ALL SELECT x FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.value) = 'array'"
                + " THEN e.value ELSE '[]'::jsonb END) x) v WHERE " + where(f) + KEYS + " GROUP BY e.key, v.value",
                Object[].class), surveyId, f).setParameter("keys", write(keys)).getResultList()).map(rows -> {
                    Map<String, Map<String, Long>> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.computeIfAbsent((String) r[0], k -> new HashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
                    }
                    return out;
                });
    }

    /** By NUMBER question key: min, median, mean and max of the numbers given. */
    public Uni<Map<String, Numbers>> numbers(long surveyId, Filter f, List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("SELECT e.key, min(x.n), percentile_cont(0.5) "
                + "WITHIN GROUP (ORDER BY x.n), avg(x.n), max(x.n) FROM survey_response r CROSS JOIN LATERAL jsonb_each(r.answers) e"
                + " CROSS JOIN LATERAL (SELECT CASE WHEN jsonb_typeof(e.value) = 'number' THEN CAST(e.value::text AS numeric) END AS n) x"
                + " WHERE " + where(f) + KEYS + " AND x.n IS NOT NULL GROUP BY e.key", Object[].class), surveyId, f)
                .setParameter("keys", write(keys)).getResultList()).map(rows -> {
                    Map<String, Numbers> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.put((String) r[0], new Numbers(d(r[1]), d(r[2]), d(r[3]), d(r[4])));
                    }
                    return out;
                });
    }

    /** By DATE question key, answers per month (yyyy-MM), in order. */
    public Uni<Map<String, Map<String, Long>>> months(long surveyId, Filter f, List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("SELECT e.key, left(" + SCALAR + ", 7), count(*)"
                + ANSWERS + where(f) + KEYS + " AND jsonb_typeof(e.value) = 'string' AND " + SCALAR + " ~ '^[0-9][0-9][0-9][0-9]-[0-9][0-9]'"
                + " GROUP BY 1, 2", Object[].class), surveyId, f).setParameter("keys", write(keys)).getResultList()).map(rows -> {
                    Map<String, Map<String, Long>> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put((String) r[1], ((Number) r[2]).longValue());
                    }
                    return out;
                });
    }

    /** How many text answers of the question match (a null {@code search}: all non-blank ones). */
    public Uni<Long> countTexts(long surveyId, Filter f, String key, String search) {
        return Panache.getSession().chain(s -> {
            Mutiny.SelectionQuery<Long> q = bind(s.createNativeQuery("SELECT count(*) FROM survey_response r WHERE "
                    + where(f) + texts(search), Long.class), surveyId, f).setParameter("key", key);
            return (search == null ? q : q.setParameter("pattern", pattern(search))).getSingleResult();
        });
    }

    /** A page of the question's text answers, newest first. */
    public Uni<List<ResultsDtos.TextAnswer>> texts(long surveyId, Filter f, String key, String search, int offset, int size) {
        return Panache.getSession().chain(s -> {
            Mutiny.SelectionQuery<Object[]> q = bind(s.createNativeQuery("SELECT r.submitted_on, r.answers ->> :key, r.event_id,"
                    + " r.challenge_id, r.phase FROM survey_response r WHERE " + where(f) + texts(search)
                    + " ORDER BY r.submitted_on DESC, r.id DESC OFFSET :offset LIMIT :size", Object[].class), surveyId, f)
                    .setParameter("key", key).setParameter("offset", offset).setParameter("size", size);
            return (search == null ? q : q.setParameter("pattern", pattern(search))).getResultList();
        }).map(rows -> rows.stream().map(r -> new ResultsDtos.TextAnswer(day(r[0]), (String) r[1], id(r[2]),
                id(r[3]), (String) r[4])).toList());
    }

    /** Accounts that responded both before and after the challenge in the filter. */
    public Uni<Long> bothPhases(long surveyId, Filter f) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("SELECT count(*) FROM (SELECT r.account_id FROM "
                + "survey_response r WHERE " + where(f) + " AND r.account_id IS NOT NULL AND r.phase IS NOT NULL "
                + "GROUP BY r.account_id HAVING count(DISTINCT r.phase) = 2) b", Long.class), surveyId, f).getSingleResult());
    }

    /** By question key, accounts that answered it both before and after the challenge in the filter. */
    public Uni<Map<String, Long>> answeredBothPhases(long surveyId, Filter f) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("SELECT b.key, count(*) FROM (SELECT e.key, r.account_id"
                + ANSWERS + where(f) + " AND r.account_id IS NOT NULL AND r.phase IS NOT NULL AND jsonb_typeof(e.value) <> 'null'"
                + " GROUP BY e.key, r.account_id HAVING count(DISTINCT r.phase) = 2) b GROUP BY b.key", Object[].class), surveyId, f)
                .getResultList()).map(ResultsRepository::byKey);
    }

    /**
     * Every response in the filter, oldest first, for the export. The titles are read from the event and challenge
     * tables rather than through Events and Challenges: those features implement SurveyContexts, so the survey feature
     * asking them back would make a cycle (as PostRepository asks the database for campaigns).
     */
    public Uni<List<Row>> rows(long surveyId, Filter f) {
        return Panache.getSession().chain(s -> bind(s.createNativeQuery("SELECT r.id, r.submitted_on, ev.title, ch.title,"
                + " r.phase, r.age_group, r.answers::text FROM survey_response r LEFT JOIN event ev ON ev.id = r.event_id"
                + " LEFT JOIN challenge ch ON ch.id = r.challenge_id WHERE " + where(f)
                + " ORDER BY r.submitted_on, r.id", Object[].class), surveyId, f).getResultList())
                .map(rows -> rows.stream().map(r -> new Row(((Number) r[0]).longValue(), day(r[1]), (String) r[2],
                        (String) r[3], (String) r[4], (String) r[5], read((String) r[6]))).toList());
    }

    /** Whether the challenge exists (asked of the database, for the same reason as {@link #rows}). */
    public Uni<Boolean> challengeExists(long challengeId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM challenge WHERE id = :id", Long.class)
                .setParameter("id", challengeId).getSingleResult()).map(n -> n > 0);
    }

    /**
     * By event: the responses naming it, and over their answers to the SCALE_5 and NPS questions of their survey's
     * current document, the count and mean of the scale answers and the NPS.
     */
    public Uni<Map<Long, Satisfaction>> satisfaction(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT r.event_id, count(DISTINCT r.id),
                       count(a.n) FILTER (WHERE a.type = 'SCALE_5'), avg(a.n) FILTER (WHERE a.type = 'SCALE_5'),
                       count(a.n) FILTER (WHERE a.type = 'NPS'), count(a.n) FILTER (WHERE a.type = 'NPS' AND a.n >= 9),
                       count(a.n) FILTER (WHERE a.type = 'NPS' AND a.n <= 6)
                  FROM survey_response r
                  LEFT JOIN LATERAL (
                       SELECT q ->> 'type' AS type,
                              CASE WHEN jsonb_typeof(r.answers -> (q ->> 'key')) = 'number'
                                   THEN CAST((r.answers -> (q ->> 'key'))::text AS numeric) END AS n
                         FROM survey sv CROSS JOIN LATERAL jsonb_array_elements(sv.sections) sec
                              CROSS JOIN LATERAL jsonb_array_elements(sec -> 'questions') q
                        WHERE sv.id = r.survey_id AND q ->> 'type' IN ('SCALE_5', 'NPS')) a ON a.n IS NOT NULL
                 WHERE r.event_id IN (SELECT CAST(jsonb_array_elements_text(CAST(CAST(:ids AS text) AS jsonb)) AS bigint))
                 GROUP BY r.event_id""", Object[].class).setParameter("ids", write(List.copyOf(eventIds))).getResultList())
                .map(rows -> {
                    Map<Long, Satisfaction> out = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        long scales = ((Number) r[2]).longValue();
                        long nps = ((Number) r[4]).longValue();
                        long promoters = ((Number) r[5]).longValue();
                        long detractors = ((Number) r[6]).longValue();
                        out.put(((Number) r[0]).longValue(), new Satisfaction(((Number) r[1]).longValue(), scales,
                                scales == 0 ? null : d(r[3]), nps, nps == 0 ? null : ResultsService.npsScore(promoters, detractors, nps)));
                    }
                    return out;
                });
    }

    private static String texts(String search) {
        return " AND jsonb_typeof(r.answers -> :key) = 'string' AND btrim(r.answers ->> :key) <> ''"
                + (search == null ? "" : " AND (r.answers ->> :key) ILIKE :pattern ESCAPE '!'");
    }

    /** A LIKE pattern that finds the text anywhere, its own % _ and ! taken literally. */
    static String pattern(String search) {
        return "%" + search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String where(Filter f) {
        StringBuilder w = new StringBuilder("r.survey_id = :survey");
        if (f.eventId() != null) {
            w.append(" AND r.event_id = :event");
        }
        if (f.challengeId() != null) {
            w.append(" AND r.challenge_id = :challenge");
        }
        if (f.phase() != null) {
            w.append(" AND r.phase = :phase");
        }
        if (f.from() != null) {
            w.append(" AND r.submitted_on >= :from");
        }
        if (f.to() != null) {
            w.append(" AND r.submitted_on <= :to");
        }
        if (f.ageGroup() != null) {
            w.append(" AND r.age_group = :ageGroup");
        }
        return w.toString();
    }

    private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> q, long surveyId, Filter f) {
        q.setParameter("survey", surveyId);
        if (f.eventId() != null) {
            q.setParameter("event", f.eventId());
        }
        if (f.challengeId() != null) {
            q.setParameter("challenge", f.challengeId());
        }
        if (f.phase() != null) {
            q.setParameter("phase", f.phase());
        }
        if (f.from() != null) {
            q.setParameter("from", f.from());
        }
        if (f.to() != null) {
            q.setParameter("to", f.to());
        }
        if (f.ageGroup() != null) {
            q.setParameter("ageGroup", f.ageGroup());
        }
        return q;
    }

    private static Map<String, Long> byKey(List<Object[]> rows) {
        Map<String, Long> out = new HashMap<>();
        for (Object[] r : rows) {
            out.put((String) r[0], ((Number) r[1]).longValue());
        }
        return out;
    }

    private static double d(Object value) {
        return ((Number) value).doubleValue();
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String answers) {
        try {
            return json.readValue(answers, Map.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
