package id.serambi.campaign.analytics;

import id.serambi.common.QueryParameters;
import id.serambi.account.Role;
import id.serambi.common.CsvExport;
import id.serambi.common.Problem;
import id.serambi.common.XlsxExport;
import id.serambi.campaign.posts.ContentType;
import java.util.Map;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/analytics")
@Tag(name = "Analytics", description = "Engagement by platform, content type, campaign and week; best time to post; KPI progress")
public class AnalyticsResource {

    static final String BAD = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,"detail":"from: is required (a date like 2026-11-01)",
             "instance":"/api/analytics","errors":[{"field":"from","message":"is required (a date like 2026-11-01)"}]}""";
    static final String CSV_HEADER = "postId,variantId,platform,contentType,campaignId,publishedAtWita,publishedUrl,"
            + "impressions,reach,reactions,comments,shares,saves,clicks,videoViews,engagements,engagementRate,excerpt";

    static final List<String> XLSX_HEADER = List.of("ID unggahan", "ID varian", "Platform", "Jenis konten",
            "ID kampanye", "Terbit (WITA)", "Tautan", "Tayangan", "Jangkauan", "Reaksi", "Komentar", "Dibagikan",
            "Disimpan", "Klik", "Penayangan video", "Interaksi", "Tingkat interaksi", "Cuplikan");

    /** The SPA's words for each content type (locales/id.json, campaigns.contentTypes). */
    static final Map<ContentType, String> CONTENT_TYPE = Map.of(ContentType.BOOK_REVIEW, "Ulasan buku",
            ContentType.QUOTE, "Kutipan", ContentType.INFOGRAPHIC, "Infografis", ContentType.SHORT_VIDEO, "Video pendek",
            ContentType.EVENT_PROMO, "Promosi acara", ContentType.CHALLENGE_UPDATE, "Kabar tantangan",
            ContentType.EDUCATIONAL_TIP, "Tips edukatif", ContentType.ANNOUNCEMENT, "Pengumuman");

    /** RFC 3339 with the library's offset, to the second: 2026-11-05T11:00:00+08:00. */
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final AnalyticsService analytics;

    public AnalyticsResource(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", XlsxExport.MEDIA_TYPE })
    @RolesAllowed({ Role.STAFF_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getAnalytics", summary = "Analytics of the posts published between two WITA dates (staff "
            + "and reviewers); Accept: text/csv exports one row per published variant",
            description = "engagements = reactions + comments + shares + saves + clicks; engagement rate = engagements ÷ "
                    + "impressions, summed over a group before dividing. Reach is never summed: posts list each reach and "
                    + "groups give the average. Metrics are each variant's latest snapshot. The CSV (Accept: text/csv, "
                    + "UTF-8, comma-separated, a header row) has one row per published variant; publishedAtWita is an "
                    + "RFC 3339 time with the library's offset (2026-11-05T11:00:00+08:00) and an empty cell is a figure "
                    + "that was not reported. The Excel file (Accept: " + XlsxExport.MEDIA_TYPE + ") has the same rows "
                    + "for people: Indonesian headers and content types, the time as a date cell in WITA, figures as "
                    + "number cells and text as text cells, which a spreadsheet never evaluates.")
    @APIResponse(responseCode = "200", description = "The analytics", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AnalyticsService.View.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, description = "One row per "
                    + "published variant, after a header row"), examples = @ExampleObject(name = "csv",
                    value = CSV_HEADER + "\n12,31,INSTAGRAM,EDUCATIONAL_TIP,1,2026-11-05T11:00:00+08:00,https://www.instagram.com/p/C0ntoh123/,1200,950,80,12,9,15,4,,120,0.1,Tips memilih buku untuk anak")),
            @Content(mediaType = XlsxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "An .xlsx workbook with one sheet, Analitik")) })
    @APIResponse(responseCode = "400", description = "Missing or bad dates, or more than a year", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad", value = BAD)))
    public Uni<Response> analytics(
            @Parameter(description = "First day (WITA), e.g. 2026-11-01", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day (WITA), inclusive; at most 366 days after from", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Only the campaign's posts", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
            @QueryParam("campaignId") String campaignId,
            @Parameter(hidden = true) @HeaderParam("Accept") String accept) {
        QueryParameters query = new QueryParameters();
        LocalDate fromDate = query.requiredDate("from", from);
        LocalDate toDate = query.requiredDate("to", to);
        query.period(fromDate, toDate, 366);
        Long campaign = query.id("campaignId", campaignId);
        query.check();
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON);
        boolean xlsx = accept != null && accept.contains(XlsxExport.MEDIA_TYPE) && !json;
        boolean csv = accept != null && accept.contains("text/csv") && !json;
        if (xlsx) {
            return analytics.between(fromDate, toDate, campaign)
                    .chain(view -> XlsxExport.offTheEventLoop(() -> xlsx(view)))
                    .map(file -> Response.ok(file, XlsxExport.MEDIA_TYPE).header("Content-Disposition",
                            XlsxExport.attachment("analitik-" + fromDate + "-" + toDate + ".xlsx")).build());
        }
        return analytics.between(fromDate, toDate, campaign).map(view -> csv
                ? Response.ok(csv(view), "text/csv; charset=UTF-8").header("Content-Disposition",
                        "attachment; filename=\"analitik-" + fromDate + "-" + toDate + ".csv\"").build()
                : Response.ok(view, MediaType.APPLICATION_JSON).build());
    }

    private static byte[] xlsx(AnalyticsService.View view) {
        return XlsxExport.write("Analitik", XLSX_HEADER, view.posts().stream().map(r -> new Object[] { r.postId(),
                r.variantId(), r.platform().label(), CONTENT_TYPE.get(r.contentType()), r.campaignId(),
                r.publishedAt(), r.publishedUrl(), r.impressions(), r.reach(), r.reactions(), r.comments(), r.shares(),
                r.saves(), r.clicks(), r.videoViews(), r.engagements(), r.engagementRate(), r.excerpt() }).toList(),
                ZoneId.of(view.timeZone()));
    }

    private static String csv(AnalyticsService.View view) {
        ZoneId zone = ZoneId.of(view.timeZone());
        return CsvExport.write(List.of(CSV_HEADER.split(",")), view.posts().stream().map(r -> new Object[] { r.postId(),
                r.variantId(), r.platform(), r.contentType(), r.campaignId(),
                r.publishedAt().atZone(zone).format(WITH_OFFSET), r.publishedUrl(),
                r.impressions(), r.reach(), r.reactions(), r.comments(), r.shares(), r.saves(), r.clicks(),
                r.videoViews(), r.engagements(), r.engagementRate(), r.excerpt() }).toList());
    }
}
