package id.serambi.campaign.analytics;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import id.serambi.common.QueryParameters;
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
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The funnels of a campaign and of an event (issue 22), as JSON and as CSV and Excel files. A partner's funnel is
 * {@link PartnerFunnelResource}'s, under /api/partners.
 */
@Path("/funnel")
@Tag(name = "Funnel", description = "From a post's impressions or a partner's link to a seat taken: clicks, "
        + "registrations, confirmed seats, attendance and challenge joinings brought by tracked links (issue 22)")
public class FunnelResource {

    static final String DESCRIPTION = "Counts only, nobody named. Clicks are people's: crawlers and link-preview "
            + "fetchers (WhatsApp, Facebook, X, ...) are botClicks, counted apart. Registrations are those made with a "
            + "link's code (the ?ref= the link adds), by the day they were made; confirmed and attended are what became "
            + "of them. Impressions are each variant's latest metrics snapshot (cumulative, so not cut by the period). "
            + "Rates are fractions, and null on a base below 10: no percentage on fewer than 10. `from` and `to` are "
            + "optional WITA dates (both inclusive); a bad or reversed one is a 400 naming it.";
    static final String EXAMPLE = """
            {"scope":"CAMPAIGN","id":7,"title":"Bulan Literasi Desember","from":null,"to":null,"timeZone":"Asia/Makassar",
             "minimumBase":10,
             "totals":{"impressions":1200,"clicks":96,"botClicks":14,"registrations":31,"confirmed":28,"attended":19,"joined":4},
             "rates":{"clickThrough":0.08,"registration":0.3229,"confirmation":0.9032,"attendance":0.6786},
             "byPlatform":[{"platform":"INSTAGRAM","totals":{"impressions":1200,"clicks":80,"botClicks":9,"registrations":25,
               "confirmed":22,"attended":15,"joined":4},"rates":{"clickThrough":0.0667,"registration":0.3125,"confirmation":0.88,
               "attendance":0.6818}}],
             "byVariant":[{"variantId":31,"postId":12,"platform":"INSTAGRAM","excerpt":"Yuk ikut Diskusi Buku Laskar Pelangi!",
               "totals":{"impressions":1200,"clicks":80,"botClicks":9,"registrations":25,"confirmed":22,"attended":15,"joined":4},
               "rates":{"clickThrough":0.0667,"registration":0.3125,"confirmation":0.88,"attendance":0.6818}}],
             "byPartner":[{"partnerId":3,"name":"Komunitas Baca Banjarbaru","kind":"COMMUNITY","totals":{"impressions":null,
               "clicks":16,"botClicks":5,"registrations":6,"confirmed":6,"attended":4,"joined":0},
               "rates":{"clickThrough":null,"registration":0.375,"confirmation":null,"attendance":null}}],
             "byDay":[{"day":"2026-12-05","totals":{"impressions":null,"clicks":96,"botClicks":14,"registrations":31,
               "confirmed":28,"attended":19,"joined":4},"rates":{"clickThrough":null,"registration":0.3229,
               "confirmation":0.9032,"attendance":0.6786}}]}""";
    static final String BAD = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,"detail":"to: must not be before from",
             "instance":"/api/funnel/campaigns/7","errors":[{"field":"to","message":"must not be before from"}]}""";
    static final String CSV_EXAMPLE = "section,key,label,platform,impressions,clicks,botClicks,registrations,confirmed,"
            + "attended,joined,clickThroughRate,registrationRate,confirmationRate,attendanceRate\n"
            + "total,7,Bulan Literasi Desember,,1200,96,14,31,28,19,4,0.08,0.3229,0.9032,0.6786\n"
            + "partner,3,Komunitas Baca Banjarbaru,,,16,5,6,6,4,0,,0.375,,\n";
    static final String CAMPAIGN_MISSING = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Campaign 7 does not exist","instance":"/api/funnel/campaigns/7"}""";
    static final String EVENT_MISSING = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Event 12 does not exist","instance":"/api/funnel/events/12"}""";

    private final FunnelService funnels;

    public FunnelResource(FunnelService funnels) {
        this.funnels = funnels;
    }

    /** The period of a funnel: optional WITA dates, [from, to], to not before from; a 400 naming the bad one. */
    record Period(LocalDate from, LocalDate to) {

        static Period of(String from, String to) {
            QueryParameters query = new QueryParameters();
            LocalDate start = query.date("from", from);
            LocalDate end = query.date("to", to);
            query.period(start, end, 3660);
            query.check();
            return new Period(start, end);
        }
    }

    @GET
    @Path("/campaigns/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getCampaignFunnel", summary = "A campaign's funnel (staff): its variants' links and the "
            + "partner links filed under it", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel", content = @Content(
            schema = @Schema(implementation = Funnel.class), examples = @ExampleObject(name = "campaign", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad or reversed date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed", value = BAD)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = CAMPAIGN_MISSING)))
    public Uni<Funnel> campaign(@PathParam("id") long id, @Parameter(description = FROM, schema = @Schema(
            type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        Period p = Period.of(from, to);
        return funnels.ofCampaign(id, p.from(), p.to());
    }

    @GET
    @Path("/campaigns/{id}/funnel.csv")
    @Produces("text/csv")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "exportCampaignFunnelCsv", summary = "A campaign's funnel as CSV (staff)",
            description = CSV_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad or reversed date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed", value = BAD)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = CAMPAIGN_MISSING)))
    public Uni<Response> campaignCsv(@PathParam("id") long id, @Parameter(description = FROM, schema = @Schema(
            type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        Period p = Period.of(from, to);
        return funnels.ofCampaign(id, p.from(), p.to()).map(FunnelResource::csv);
    }

    @GET
    @Path("/campaigns/{id}/funnel.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "exportCampaignFunnelXlsx", summary = "A campaign's funnel as an Excel file (staff)",
            description = XLSX_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = XlsxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "An .xlsx workbook with one sheet, Corong")))
    @APIResponse(responseCode = "400", description = "A bad or reversed date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed", value = BAD)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = CAMPAIGN_MISSING)))
    public Uni<Response> campaignXlsx(@PathParam("id") long id, @Parameter(description = FROM, schema = @Schema(
            type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        Period p = Period.of(from, to);
        return funnels.ofCampaign(id, p.from(), p.to()).chain(FunnelResource::xlsx);
    }

    @GET
    @Path("/events/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getEventFunnel", summary = "An event's funnel (staff): every tracked link to it, "
            + "variants' and partners'", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel", content = @Content(
            schema = @Schema(implementation = Funnel.class), examples = @ExampleObject(name = "event", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad or reversed date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed", value = BAD)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = EVENT_MISSING)))
    public Uni<Funnel> event(@PathParam("id") long id, @Parameter(description = FROM, schema = @Schema(
            type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        Period p = Period.of(from, to);
        return funnels.ofEvent(id, p.from(), p.to());
    }

    @GET
    @Path("/events/{id}/funnel.csv")
    @Produces("text/csv")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "exportEventFunnelCsv", summary = "An event's funnel as CSV (staff)",
            description = CSV_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv",
                    value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad or reversed date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed", value = BAD)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = EVENT_MISSING)))
    public Uni<Response> eventCsv(@PathParam("id") long id, @Parameter(description = FROM, schema = @Schema(
            type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        Period p = Period.of(from, to);
        return funnels.ofEvent(id, p.from(), p.to()).map(FunnelResource::csv);
    }

    @GET
    @Path("/events/{id}/funnel.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "exportEventFunnelXlsx", summary = "An event's funnel as an Excel file (staff)",
            description = XLSX_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The funnel, one row per group", content = @Content(
            mediaType = XlsxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "An .xlsx workbook with one sheet, Corong")))
    @APIResponse(responseCode = "400", description = "A bad or reversed date", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "reversed", value = BAD)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = EVENT_MISSING)))
    public Uni<Response> eventXlsx(@PathParam("id") long id, @Parameter(description = FROM, schema = @Schema(
            type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to) {
        Period p = Period.of(from, to);
        return funnels.ofEvent(id, p.from(), p.to()).chain(FunnelResource::xlsx);
    }

    static final String FROM = "First day counted (WITA), e.g. 2026-12-01; absent: from the start";
    static final String TO = "Last day counted (WITA), inclusive; absent: up to now";
    static final String CSV_DESCRIPTION = "The funnel for machines: UTF-8 with a byte-order mark, comma-separated, a "
            + "header row, then a row for the totals and one per platform, variant, partner and day (section: total, "
            + "platform, variant, partner, day). Rates are fractions; an empty cell is a null (no rate on fewer than "
            + "10, no impressions). Text a spreadsheet could run as a formula gets a leading '. Same period rules as the "
            + "JSON.";
    static final String XLSX_DESCRIPTION = "The same rows as the CSV for people: Indonesian headers and sections, days "
            + "as date cells, figures as number cells, and names as text cells, which a spreadsheet never evaluates.";

    static Response csv(Funnel f) {
        return Response.ok(FunnelExport.csv(f), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + FunnelExport.fileName(f) + ".csv\"").build();
    }

    static Uni<Response> xlsx(Funnel f) {
        return XlsxExport.offTheEventLoop(() -> FunnelExport.xlsx(f))
                .map(file -> Response.ok(file, XlsxExport.MEDIA_TYPE).header("Content-Disposition",
                        XlsxExport.attachment(FunnelExport.fileName(f) + ".xlsx")).build());
    }
}
