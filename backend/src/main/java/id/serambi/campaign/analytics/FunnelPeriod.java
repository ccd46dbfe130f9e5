package id.serambi.campaign.analytics;

import id.serambi.common.QueryParameters;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The period of a funnel, from its query (every funnel operation takes it as a {@code @BeanParam}): optional WITA
 * dates, both inclusive, {@code to} not before {@code from}.
 */
public class FunnelPeriod {

    @QueryParam("from")
    @Parameter(description = "First day counted (WITA), e.g. 2026-12-01; absent: from the start",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    String from;

    @QueryParam("to")
    @Parameter(description = "Last day counted (WITA), inclusive; absent: up to now",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    String to;

    /** The two dates, each null when absent. */
    record Dates(LocalDate from, LocalDate to) {
    }

    /** The dates, checked: a bad or reversed one is a 400 validation problem naming it. */
    Dates dates() {
        QueryParameters query = new QueryParameters();
        LocalDate start = query.date("from", from);
        LocalDate end = query.date("to", to);
        query.period(start, end, 3660);
        query.check();
        return new Dates(start, end);
    }
}
