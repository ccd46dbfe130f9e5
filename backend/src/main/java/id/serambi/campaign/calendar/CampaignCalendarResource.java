package id.serambi.campaign.calendar;

import id.serambi.common.QueryParameters;
import id.serambi.account.Role;
import id.serambi.common.Problem;
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

@Path("/content-calendar")
@Tag(name = "Content calendar", description = "Posts and events on one calendar, with posting-cadence warnings (staff)")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignCalendarResource {

    static final String EXAMPLE = """
            {"from":"2026-11-01","to":"2026-11-30","timeZone":"Asia/Makassar",
             "items":[{"kind":"POST","at":"2026-11-05T03:00:00.000Z","localDate":"2026-11-05","localTime":"11:00",
                       "title":"Waspada hoaks! 🔍 Cek dulu sebelum berbagi.","postId":12,"variantId":31,"platform":"INSTAGRAM",
                       "postStatus":"SCHEDULED","contentType":"EDUCATIONAL_TIP","campaignId":1,"published":false,"eventId":null,
                       "eventStatus":null,"delivery":"SCHEDULED","publishedUrl":null,"lastError":null},
                      {"kind":"EVENT","at":"2026-11-06T11:00:00.000Z","localDate":"2026-11-06","localTime":"19:00",
                       "title":"Diskusi Buku: Laut Bercerita","postId":null,"variantId":null,"platform":null,"postStatus":null,
                       "contentType":null,"campaignId":null,"published":null,"eventId":4,"eventStatus":"PUBLISHED",
                       "delivery":null,"publishedUrl":null,"lastError":null}],
             "warnings":[{"platform":"INSTAGRAM","kind":"GAP","from":"2026-11-06","to":"2026-11-11","days":6,"posts":null,
                          "target":null,"message":"Instagram: tidak ada unggahan selama 6 hari"}]}""";
    static final String BAD = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,"detail":"to: must not be before from",
             "instance":"/api/content-calendar","errors":[{"field":"to","message":"must not be before from"}]}""";

    private final CampaignCalendarService calendar;

    public CampaignCalendarResource(CampaignCalendarService calendar) {
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({ Role.STAFF_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getContentCalendar", summary = "Posts (by published, else scheduled time) and events (by start) between two WITA dates, "
            + "with gap and under-target warnings per platform (staff and reviewers)")
    @APIResponse(responseCode = "200", description = "The calendar", content = @Content(schema = @Schema(implementation = CampaignCalendarService.View.class),
            examples = @ExampleObject(name = "november", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Missing or bad dates, or more than 92 days", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad", value = BAD)))
    public Uni<CampaignCalendarService.View> calendar(
            @Parameter(description = "First day (WITA), e.g. 2026-11-01", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day (WITA), inclusive; at most 92 days after from", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        QueryParameters query = new QueryParameters();
        LocalDate fromDate = query.requiredDate("from", from);
        LocalDate toDate = query.requiredDate("to", to);
        query.period(fromDate, toDate, 92);
        query.check();
        return calendar.between(fromDate, toDate);
    }
}
