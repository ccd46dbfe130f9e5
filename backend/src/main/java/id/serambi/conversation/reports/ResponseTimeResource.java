package id.serambi.conversation.reports;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import id.serambi.common.QueryParameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/conversations/response-times")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Conversations")
public class ResponseTimeResource {

    /** The longest period one report covers, in days. */
    static final int MAX_DAYS = 366;
    /** The default period: the last twelve weeks, today included. */
    static final int DEFAULT_DAYS = 83;

    private static final String FIGURES = "{\"count\":3,\"medianSeconds\":1200.0,\"p90Seconds\":3360.0}";
    private static final String MEASURE = "{\"overall\":" + FIGURES + ",\"weeks\":[{\"week\":\"2026-11-30\",\"figures\":" + FIGURES
            + "}],\"channels\":[{\"channel\":\"WHATSAPP\",\"figures\":" + FIGURES + "}],\"staff\":[{\"staffId\":4,"
            + "\"staffName\":\"Rina (staf)\",\"figures\":" + FIGURES + "}]}";

    private final ResponseTimeService report;

    public ResponseTimeResource(ResponseTimeService report) {
        this.report = report;
    }

    @GET
    @Operation(operationId = "getConversationResponseTimes", summary = "First-response and resolution times per week, channel "
            + "and staff member (staff)",
            description = "First response: from the contact's first message to the first reply sent from Serambi, counted in "
                    + "the week (Monday to Sunday, WITA) of that first message and for the staff member who replied first. "
                    + "Resolution: from the thread's creation to its being set DONE, counted in the week it was resolved and "
                    + "for its assignee. Each group gives how many threads, the median and the 90th percentile in seconds "
                    + "(PostgreSQL percentile_cont, interpolated). Without dates: the last twelve weeks.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(
            implementation = ResponseTimeDtos.Report.class), examples = @ExampleObject(name = "report", value = "{\"from\":"
                    + "\"2026-09-14\",\"to\":\"2026-12-05\",\"timeZone\":\"Asia/Makassar\",\"firstResponse\":" + MEASURE
                    + ",\"resolution\":" + MEASURE + "}")))
    @APIResponse(responseCode = "400", description = "A bad date, to before from, or more than 366 days", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad",
                    value = """
                            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"to: must not be before from","errors":[{"field":"to","message":"must not be before from"}]}""")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ResponseTimeDtos.Report> responseTimes(
            @Parameter(description = "First day (WITA); default twelve weeks before to",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day (WITA), inclusive; default today; at most 366 days after from",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        QueryParameters query = new QueryParameters();
        LocalDate toDate = query.date("to", to);
        LocalDate fromDate = query.date("from", from);
        query.check();
        LocalDate last = toDate != null ? toDate : fromDate != null ? fromDate.plusDays(DEFAULT_DAYS) : report.today();
        LocalDate first = fromDate != null ? fromDate : last.minusDays(DEFAULT_DAYS);
        query.period(first, last, MAX_DAYS);
        query.check();
        return report.report(first, last);
    }
}
