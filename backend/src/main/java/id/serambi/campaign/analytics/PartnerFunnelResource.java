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
 * A partner's funnel (issue 22), beside the partners' own resource under /api/partners: the analytics capability owns
 * the figures, the partners capability the partners. Quarkus REST matches the methods of every resource class whose
 * path fits, so the two share the prefix.
 */
@Path("/partners/{id}")
@Tag(name = "Funnel")
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@APIResponse(responseCode = "400", description = FunnelDocs.BAD_PERIOD, content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed", value = FunnelDocs.BAD)))
@APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = PartnerFunnelResource.PARTNER_MISSING)))
public class PartnerFunnelResource {

    static final String PARTNER_MISSING = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Partner 3 does not exist","instance":"/api/partners/3/funnel"}""";

    private final FunnelService funnels;

    public PartnerFunnelResource(FunnelService funnels) {
        this.funnels = funnels;
    }

    @GET
    @Path("/funnel")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPartnerFunnel", summary = "A partner's funnel (staff): their links' clicks, "
            + "registrations, confirmed seats, attendance and joinings", description = FunnelDocs.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel", content = @Content(
            schema = @Schema(implementation = Funnel.class), examples = @ExampleObject(name = "partner", value = FunnelDocs.EXAMPLE)))
    public Uni<Funnel> funnel(@PathParam("id") long id, @BeanParam FunnelPeriod period) {
        FunnelPeriod.Dates p = period.dates();
        return funnels.ofPartner(id, p.from(), p.to());
    }

    @GET
    @Path("/funnel.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportPartnerFunnelCsv", summary = "A partner's funnel as CSV (staff)", description = FunnelDocs.CSV_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = FunnelDocs.CSV_EXAMPLE)))
    public Uni<Response> csv(@PathParam("id") long id, @BeanParam FunnelPeriod period) {
        FunnelPeriod.Dates p = period.dates();
        return funnels.ofPartner(id, p.from(), p.to()).map(FunnelDocs::csv);
    }

    @GET
    @Path("/funnel.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @Operation(operationId = "exportPartnerFunnelXlsx", summary = "A partner's funnel as an Excel file (staff)", description = FunnelDocs.XLSX_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = XlsxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = FunnelDocs.XLSX_BODY)))
    public Uni<Response> xlsx(@PathParam("id") long id, @BeanParam FunnelPeriod period) {
        FunnelPeriod.Dates p = period.dates();
        return funnels.ofPartner(id, p.from(), p.to()).chain(FunnelDocs::xlsx);
    }
}
