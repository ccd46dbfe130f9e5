package id.serambi.challenge.participation;

import id.serambi.account.Role;
import id.serambi.challenge.leaderboard.LeaderboardService;
import id.serambi.challenge.leaderboard.ResultRow;
import id.serambi.common.CsvExport;
import id.serambi.common.XlsxExport;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff's review queue, results, secret codes and the reviews teens agreed to share. */
@Path("/challenges")
@Tag(name = "Reading challenges (staff)", description = "Moderating reading logs, secret codes, shared reviews and results (staff)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
public class ChallengeStaffResource {

    private final ParticipationService participation;
    private final CodeService codes;
    private final LeaderboardService leaderboard;

    public ChallengeStaffResource(ParticipationService participation, CodeService codes, LeaderboardService leaderboard) {
        this.participation = participation;
        this.codes = codes;
        this.leaderboard = leaderboard;
    }

    @GET
    @Path("/{id}/logs")
    @Operation(operationId = "listChallengeReadingLogs", summary = "Reading logs of the challenge by status (default FLAGGED: the review queue)")
    @APIResponse(responseCode = "200", description = "The logs, oldest first", content = @Content(schema = @Schema(implementation = StaffDtos.StaffLog.class, type = SchemaType.ARRAY)))
    public Uni<List<StaffDtos.StaffLog>> logs(@PathParam("id") long id, @QueryParam("status") @DefaultValue("FLAGGED") LogStatus status) {
        return participation.logsOf(id, status);
    }

    @POST
    @Path("/{id}/logs/{logId}/approve")
    @Operation(operationId = "approveReadingLog", summary = "Count a flagged log after all",
            description = "A FLAGGED log becomes VALID and counts its points; the participant's totals and the boards follow.")
    @APIResponse(responseCode = "200", description = "The log, now VALID", content = @Content(schema = @Schema(implementation = ParticipationDtos.LogView.class)))
    @APIResponse(responseCode = "404", description = "No such log in this challenge", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The log is not flagged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipationDtos.LogView> approve(@PathParam("id") long id, @PathParam("logId") long logId) {
        return participation.review(id, logId, true);
    }

    @POST
    @Path("/{id}/logs/{logId}/void")
    @Operation(operationId = "voidReadingLog", summary = "Void a log: it stops counting, and the participant's points drop accordingly",
            description = "Any log can be voided (again is fine); a voided log cannot be changed by its author any more.")
    @APIResponse(responseCode = "200", description = "The log, now VOIDED", content = @Content(schema = @Schema(implementation = ParticipationDtos.LogView.class)))
    @APIResponse(responseCode = "404", description = "No such log in this challenge", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipationDtos.LogView> voidLog(@PathParam("id") long id, @PathParam("logId") long logId) {
        return participation.review(id, logId, false);
    }

    @GET
    @Path("/{id}/results")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", XlsxExport.MEDIA_TYPE })
    @Operation(operationId = "getChallengeResults", summary = "Every participant's totals in rank order; Accept: text/csv for a spreadsheet",
            description = "Hidden participants are included (hidden: true, rank null); nicknames and schools only, never names or e-mails. "
                    + "Accept: " + XlsxExport.MEDIA_TYPE + " gives the same rows as an Excel file for people, with "
                    + "Indonesian headers (Peringkat, Nama panggilan, Sekolah, Poin, Buku, Halaman, Menit, Disembunyikan: Ya/Tidak).")
    @APIResponse(responseCode = "200", description = "The results", headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(
            name = "Content-Disposition", description = "With text/csv or the Excel type: attachment; filename=\"tantangan-<id>-hasil.csv\" (or .xlsx)",
            schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultRow.class, type = SchemaType.ARRAY)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = XlsxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    public Uni<Response> results(@PathParam("id") long id, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        if (accept != null && accept.contains(XlsxExport.MEDIA_TYPE) && !accept.contains(MediaType.APPLICATION_JSON)) {
            return leaderboard.results(id).chain(rows -> XlsxExport.offTheEventLoop(() -> xlsx(rows)))
                    .map(file -> Response.ok(file, XlsxExport.MEDIA_TYPE).header("Content-Disposition",
                            XlsxExport.attachment("tantangan-" + id + "-hasil.xlsx")).build());
        }
        return leaderboard.results(id)
                .map(rows -> accept != null && accept.contains("text/csv")
                        ? Response.ok(csv(rows), "text/csv; charset=UTF-8")
                                .header("Content-Disposition", "attachment; filename=\"tantangan-" + id + "-hasil.csv\"").build()
                        : Response.ok(rows, MediaType.APPLICATION_JSON).build());
    }

    private static byte[] xlsx(List<ResultRow> rows) {
        return XlsxExport.write("Hasil", List.of("Peringkat", "Nama panggilan", "Sekolah", "Poin", "Buku", "Halaman",
                "Menit", "Disembunyikan"), rows.stream().map(r -> new Object[] { r.rank(), r.nickname(), r.school(),
                        r.points(), r.books(), r.pages(), r.minutes(), r.hidden() ? "Ya" : "Tidak" }).toList(),
                java.time.ZoneOffset.UTC);
    }

    private static String csv(List<ResultRow> rows) {
        return CsvExport.write(List.of("rank", "nickname", "school", "points", "books", "pages", "minutes", "hidden"),
                rows.stream().map(r -> new Object[] { r.rank(), r.nickname(), r.school(), r.points(), r.books(),
                        r.pages(), r.minutes(), r.hidden() }).toList());
    }

    @POST
    @Path("/{id}/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createChallengeCode", summary = "Create a secret code that awards points and/or a badge once per participant")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(
            name = "code for a book discussion", value = "{\"code\":\"DISKUSI-LASKAR\",\"description\":\"Dibagikan di Diskusi Buku: Laskar Pelangi\",\"points\":25,\"badge\":\"Tamu Diskusi Buku\"}")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = StaffDtos.Code.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields: neither points nor a badge, or a badge the challenge does not have", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The code exists already in this challenge", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createCode(@PathParam("id") long id, @Valid @NotNull StaffDtos.NewCode body) {
        return codes.create(id, body).map(code -> Response.created(URI.create("/challenges/" + id + "/codes/" + code.id()))
                .entity(code).build());
    }

    @GET
    @Path("/{id}/codes")
    @Operation(operationId = "listChallengeCodes", summary = "The challenge's secret codes and how often each was redeemed")
    @APIResponse(responseCode = "200", description = "The codes", content = @Content(schema = @Schema(implementation = StaffDtos.Code.class, type = SchemaType.ARRAY)))
    public Uni<List<StaffDtos.Code>> codes(@PathParam("id") long id) {
        return codes.list(id);
    }

    @GET
    @Path("/reviews")
    @Operation(operationId = "listSharedReviews", summary = "Reviews that teens agreed to share: candidates for 'book review' posts (nicknames only)")
    @APIResponse(responseCode = "200", description = "Newest first", content = @Content(schema = @Schema(implementation = StaffDtos.SharedReview.class, type = SchemaType.ARRAY)))
    public Uni<List<StaffDtos.SharedReview>> sharedReviews(
            @Parameter(description = "How many, newest first (1 to 200; a value outside is clamped)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return participation.sharedReviews(limit);
    }
}
