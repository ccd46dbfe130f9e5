package id.serambi.conversation.reports;

import id.serambi.common.SerambiConfig;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The response-time report over whole days in the library's time zone (WITA), both ends included. */
@ApplicationScoped
public class ResponseTimeService {

    private final ResponseTimeRepository report;
    private final ZoneId zone;

    public ResponseTimeService(ResponseTimeRepository report, SerambiConfig config) {
        this.report = report;
        this.zone = config.library().timeZone();
    }

    /** Today in the library's time zone: the default end of the period. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** Both measures, one after the other on one session. */
    @WithSession
    public Uni<ResponseTimeDtos.Report> report(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return report.firstResponse(start, end, zone.getId()).chain(first -> report.resolution(start, end, zone.getId())
                .map(resolution -> new ResponseTimeDtos.Report(from, to, zone.getId(), first, resolution)));
    }
}
