package id.serambi.conversation.reports;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.reports.ResponseTimeDtos.Figures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's SQL: one statement per measure, grouped by week, by channel and by staff member at once (GROUPING
 * SETS), with percentile_cont for the median and the 90th percentile. Everything is read from the thread rows, which
 * outlive their messages (a minor's are deleted after the retention).
 */
@ApplicationScoped
public class ResponseTimeRepository {

    /** What a measure reads of a thread: its start and end, the time that puts it in a week, and whose it is. */
    private record Columns(String start, String end, String weekOf, String staff) {
    }

    private static final Columns FIRST_RESPONSE = new Columns("t.first_inbound_at", "t.first_response_at",
            "t.first_inbound_at", "t.first_responder_id");
    private static final Columns RESOLUTION = new Columns("t.created_at", "t.resolved_at", "t.resolved_at", "t.assignee_id");

    private static final String SQL = """
            WITH d AS (
                SELECT CAST(date_trunc('week', %3$s AT TIME ZONE :zone) AS date) AS week, t.channel AS channel,
                       %4$s AS staff, CAST(extract(epoch FROM %2$s - %1$s) AS double precision) AS seconds
                  FROM conversation_thread t
                 WHERE %2$s IS NOT NULL AND %3$s >= :from AND %3$s < :to)
            SELECT g.grp, g.week, g.channel, g.staff, u.display_name, g.n, g.median, g.p90
              FROM (SELECT GROUPING(week, channel, staff) AS grp, week, channel, staff, count(*) AS n,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
                           percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) AS p90
                      FROM d GROUP BY GROUPING SETS ((), (week), (channel), (staff))) g
              LEFT JOIN app_user u ON u.id = g.staff
             ORDER BY g.grp, g.week, g.channel, u.display_name, g.staff NULLS LAST""";

    /** GROUPING(week, channel, staff) of each set: a bit per column left out. */
    private static final int BY_WEEK = 3;
    private static final int BY_CHANNEL = 5;
    private static final int BY_STAFF = 6;

    public Uni<ResponseTimeDtos.Measure> firstResponse(Instant from, Instant to, String zone) {
        return measure(FIRST_RESPONSE, from, to, zone);
    }

    public Uni<ResponseTimeDtos.Measure> resolution(Instant from, Instant to, String zone) {
        return measure(RESOLUTION, from, to, zone);
    }

    private Uni<ResponseTimeDtos.Measure> measure(Columns c, Instant from, Instant to, String zone) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SQL.formatted(c.start(), c.end(), c.weekOf(), c.staff()),
                Object[].class).setParameter("zone", zone).setParameter("from", from).setParameter("to", to).getResultList())
                .map(ResponseTimeRepository::measure);
    }

    private static ResponseTimeDtos.Measure measure(List<Object[]> rows) {
        Figures overall = new Figures(0, null, null);
        List<ResponseTimeDtos.Week> weeks = new ArrayList<>();
        List<ResponseTimeDtos.Channel> channels = new ArrayList<>();
        List<ResponseTimeDtos.Staff> staff = new ArrayList<>();
        for (Object[] r : rows) {
            Figures f = new Figures(((Number) r[5]).longValue(), number(r[6]), number(r[7]));
            switch (((Number) r[0]).intValue()) {
                case BY_WEEK -> weeks.add(new ResponseTimeDtos.Week(date(r[1]), f));
                case BY_CHANNEL -> channels.add(new ResponseTimeDtos.Channel(ConversationChannel.valueOf((String) r[2]), f));
                case BY_STAFF -> staff.add(new ResponseTimeDtos.Staff(r[3] == null ? null : ((Number) r[3]).longValue(),
                        (String) r[4], f));
                default -> overall = f;
            }
        }
        return new ResponseTimeDtos.Measure(overall, weeks, channels, staff);
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
