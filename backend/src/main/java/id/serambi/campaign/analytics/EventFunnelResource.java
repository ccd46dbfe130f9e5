package id.serambi.campaign.analytics;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import id.serambi.common.XlsxExport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An event's funnel (issue 22), as JSON and as CSV and Excel files: every tracked link to it, variants' and
 * partners'.
 */
@Path("/funnel/events/{id}")
@Tag(name = "Funnel")
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@APIResponse(responseCode = "400", description = FunnelDocs.BAD_PERIOD, content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed", value = FunnelDocs.BAD)))
@APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = EventFunnelResource.EVENT_MISSING)))
public class EventFunnelResource {

    static final String EVENT_MISSING = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Event 12 does not exist","instance":"/api/funnel/events/12"}""";

    private final FunnelService funnels;

    public EventFunnelResource(FunnelService funnels) {
        this.funnels = funnels;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEventFunnel", summary = "An event's funnel (staff): every tracked link to it, "
            + "variants' and partners'", description = FunnelDocs.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel", content = @Content(
            schema = @Schema(implementation = Funnel.class), examples = @ExampleObject(name = "event", value = FunnelDocs.EXAMPLE)))
    public Uni<Funnel> funnel(@PathParam("id") long id, @BeanParam FunnelPeriod period) {
        FunnelPeriod.Dates p = period.dates();
        return funnels.ofEvent(id, p.from(), p.to());
    }

    @GET
    @Path("/funnel.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportEventFunnelCsv", summary = "An event's funnel as CSV (staff)", description = FunnelDocs.CSV_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = FunnelDocs.CSV_EXAMPLE)))
    public Uni<Response> csv(@PathParam("id") long id, @BeanParam FunnelPeriod period) {
        FunnelPeriod.Dates p = period.dates();
        return funnels.ofEvent(id, p.from(), p.to()).map(FunnelDocs::csv);
    }

    @GET
    @Path("/funnel.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @Operation(operationId = "exportEventFunnelXlsx", summary = "An event's funnel as an Excel file (staff)", description = FunnelDocs.XLSX_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = XlsxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = FunnelDocs.XLSX_BODY)))
    public Uni<Response> xlsx(@PathParam("id") long id, @BeanParam FunnelPeriod period) {
        FunnelPeriod.Dates p = period.dates();
        return funnels.ofEvent(id, p.from(), p.to()).chain(FunnelDocs::xlsx);
    }
}
