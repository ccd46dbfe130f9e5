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
 * A campaign's funnel (issue 22), as JSON and as CSV and Excel files: its variants' links and the partner links filed
 * under it. An event's is {@link EventFunnelResource}'s, a partner's {@link PartnerFunnelResource}'s; what they say
 * alike is {@link FunnelDocs}'s, their period {@link FunnelPeriod}.
 */
@Path("/funnel/campaigns/{id}")
@Tag(name = "Funnel", description = "From a post's impressions or a partner's link to a seat taken: clicks, "
        + "registrations, confirmed seats, attendance and challenge joinings brought by tracked links (issue 22)")
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@APIResponse(responseCode = "400", description = FunnelDocs.BAD_PERIOD, content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed", value = FunnelDocs.BAD)))
@APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = CampaignFunnelResource.CAMPAIGN_MISSING)))
public class CampaignFunnelResource {

    static final String CAMPAIGN_MISSING = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Campaign 7 does not exist","instance":"/api/funnel/campaigns/7"}""";

    private final FunnelService funnels;

    public CampaignFunnelResource(FunnelService funnels) {
        this.funnels = funnels;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCampaignFunnel", summary = "A campaign's funnel (staff): its variants' links and the "
            + "partner links filed under it", description = FunnelDocs.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel", content = @Content(
            schema = @Schema(implementation = Funnel.class), examples = @ExampleObject(name = "campaign", value = FunnelDocs.EXAMPLE)))
    public Uni<Funnel> funnel(@PathParam("id") long id, @BeanParam FunnelPeriod period) {
        FunnelPeriod.Dates p = period.dates();
        return funnels.ofCampaign(id, p.from(), p.to());
    }

    @GET
    @Path("/funnel.csv")
    @Produces("text/csv")
    @Operation(operationId = "exportCampaignFunnelCsv", summary = "A campaign's funnel as CSV (staff)", description = FunnelDocs.CSV_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = FunnelDocs.CSV_EXAMPLE)))
    public Uni<Response> csv(@PathParam("id") long id, @BeanParam FunnelPeriod period) {
        FunnelPeriod.Dates p = period.dates();
        return funnels.ofCampaign(id, p.from(), p.to()).map(FunnelDocs::csv);
    }

    @GET
    @Path("/funnel.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @Operation(operationId = "exportCampaignFunnelXlsx", summary = "A campaign's funnel as an Excel file (staff)", description = FunnelDocs.XLSX_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = XlsxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = FunnelDocs.XLSX_BODY)))
    public Uni<Response> xlsx(@PathParam("id") long id, @BeanParam FunnelPeriod period) {
        FunnelPeriod.Dates p = period.dates();
        return funnels.ofCampaign(id, p.from(), p.to()).chain(FunnelDocs::xlsx);
    }
}
