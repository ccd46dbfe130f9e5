package id.serambi.campaign.analytics;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import id.serambi.common.XlsxExport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A partner's funnel (issue 22), beside the partners' own resource under /api/partners: the analytics capability owns
 * the figures, the partners capability the partners. Quarkus REST matches the methods of every resource class whose
 * path fits, so the two share the prefix.
 */
@Path("/partners/{id}")
@Tag(name = "Funnel")
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
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getPartnerFunnel", summary = "A partner's funnel (staff): their links' clicks, "
            + "registrations, confirmed seats, attendance and joinings", description = FunnelResource.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel", content = @Content(
            schema = @Schema(implementation = Funnel.class), examples = @ExampleObject(name = "partner",
                    value = FunnelResource.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad or reversed date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed",
                    value = FunnelResource.BAD)))
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = PARTNER_MISSING)))
    public Uni<Funnel> partner(@PathParam("id") long id, @Parameter(description = FunnelResource.FROM, schema = @Schema(
            type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = FunnelResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        FunnelResource.Period p = FunnelResource.Period.of(from, to);
        return funnels.ofPartner(id, p.from(), p.to());
    }

    @GET
    @Path("/funnel.csv")
    @Produces("text/csv")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "exportPartnerFunnelCsv", summary = "A partner's funnel as CSV (staff)",
            description = FunnelResource.CSV_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = FunnelResource.CSV_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad or reversed date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed",
                    value = FunnelResource.BAD)))
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = PARTNER_MISSING)))
    public Uni<Response> partnerCsv(@PathParam("id") long id, @Parameter(description = FunnelResource.FROM,
            schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = FunnelResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        FunnelResource.Period p = FunnelResource.Period.of(from, to);
        return funnels.ofPartner(id, p.from(), p.to()).map(FunnelResource::csv);
    }

    @GET
    @Path("/funnel.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "exportPartnerFunnelXlsx", summary = "A partner's funnel as an Excel file (staff)",
            description = FunnelResource.XLSX_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = XlsxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "An .xlsx workbook with one sheet, Corong")))
    @APIResponse(responseCode = "400", description = "A bad or reversed date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed",
                    value = FunnelResource.BAD)))
    @APIResponse(responseCode = "404", description = "No such partner", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = PARTNER_MISSING)))
    public Uni<Response> partnerXlsx(@PathParam("id") long id, @Parameter(description = FunnelResource.FROM,
            schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = FunnelResource.TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        FunnelResource.Period p = FunnelResource.Period.of(from, to);
        return funnels.ofPartner(id, p.from(), p.to()).chain(FunnelResource::xlsx);
    }
}
