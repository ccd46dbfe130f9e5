package id.serambi.campaign.analytics;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path("/metrics")
@Tag(name = "Metrics", description = "Post metrics from Meta Business Suite and X Analytics exports, or as JSON (staff)")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    static final String DESCRIPTION = """
            All or nothing. Columns (case-insensitive; descriptive export columns such as Post ID, Title, Publish time, \
            Tweet text or engagements are ignored, any other column is an error): variantId, or publishedUrl / Permalink \
            (Meta) / Tweet permalink (X) matched to a published variant; impressions (Impressions, Views); reach; \
            reactions (Reactions, Likes, likes); comments (Comments, replies); shares (Shares, retweets, Reposts); saves \
            (Saves, Bookmarks); clicks (Link clicks, url clicks); videoViews (3-second video views, media views). \
            Numbers are whole and not negative; an empty cell is "not reported". The header is line 1.""";
    static final String SUMMARY = "Import metric snapshots from a CSV file, sent as the body (text/csv) or as the form "
            + "field \"file\" (staff); all rows or none";
    static final String CSV = """
            variantId,impressions,reach,reactions,comments,shares,saves,clicks,videoViews
            31,1200,950,80,12,9,15,4,
            32,800,,40,3,5,0,2,""";
    static final String META = """
            Post ID,Permalink,Publish time,Impressions,Reach,Reactions,Comments,Shares,Saves,Link clicks
            1790,https://www.instagram.com/p/C0ntoh123/,11/05/2026 11:00,1200,950,80,12,9,15,4""";
    static final String BAD = """
            {"type":"https://serambi.id/problems/invalid-csv","title":"CSV not imported","status":422,
             "detail":"2 problems in the file; nothing was imported","instance":"/api/metrics/import",
             "errors":[{"field":"line 3","message":"Impressions must not be negative (-5)"},
                       {"field":"line 4","message":"no published post has the URL https://x.com/perpus/status/1"}]}""";

    private final MetricsImportService imports;
    private final Vertx vertx;

    public MetricsResource(MetricsImportService imports, Vertx vertx) {
        this.imports = imports;
        this.vertx = vertx;
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "importMetrics", summary = SUMMARY, description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
            description = "The CSV file's text (UTF-8), header first"), examples = {
            @ExampleObject(name = "serambi columns", value = CSV), @ExampleObject(name = "Meta Business Suite", value = META) }))
    @APIResponse(responseCode = "200", description = "Every row imported", content = @Content(schema = @Schema(implementation = MetricsImportService.Result.class)))
    @APIResponse(responseCode = "422", description = "Nothing imported; every bad line with its reason", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad rows", value = BAD)))
    public Uni<MetricsImportService.Result> importCsv(String body) {
        return imports.importCsv(body);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    // The same operation as importCsv (one path and method, two request types), which names it: a second
    // operationId would be a duplicate (SROAP07903 at every start).
    @Operation(summary = SUMMARY, description = DESCRIPTION)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = "file", properties = @SchemaProperty(name = "file",
                    type = SchemaType.STRING, format = "binary", description = "The CSV file (UTF-8)"))))
    @APIResponse(responseCode = "200", description = "Every row imported", content = @Content(schema = @Schema(implementation = MetricsImportService.Result.class)))
    @APIResponse(responseCode = "400", description = "No file", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Nothing imported; every bad line with its reason", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad rows", value = BAD)))
    public Uni<MetricsImportService.Result> importUpload(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw id.serambi.common.ProblemException.invalidField("file", "attach the CSV file as the form field \"file\"");
        }
        return vertx.fileSystem().readFile(file.uploadedFile().toString())
                .chain(buffer -> imports.importCsv(buffer.toString(StandardCharsets.UTF_8)));
    }
}
