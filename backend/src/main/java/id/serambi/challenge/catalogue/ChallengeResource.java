package id.serambi.challenge.catalogue;

import id.serambi.account.Role;
import id.serambi.common.Caller;
import id.serambi.common.IfMatch;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/challenges")
@Tag(name = "Reading challenges", description = "Challenges, joining, reading logs and badges")
@Produces(MediaType.APPLICATION_JSON)
public class ChallengeResource {

    static final String EXAMPLE = """
            {"title":"Tantangan Membaca Remaja: Pekan Literasi Banjarbaru","description":"Baca sebanyak mungkin buku dan kumpulkan lencana!",
             "audience":"TEENS","startsOn":"2026-12-01","endsOn":"2026-12-31","goalType":"BOOKS","goalValue":10,
             "pointsPerBook":10,"pointsPerPage":0,"pointsPerMinute":1,"maxMinutesPerDay":300,
             "schools":["SMP Negeri 1 Banjarbaru","SMA Negeri 2 Banjarbaru"],
             "badges":[{"name":"Pembaca Pemula","threshold":50},{"name":"Kutu Buku","threshold":200},{"name":"Tamu Istimewa"}]}""";

    static final String STALE = """
            {"type":"https://serambi.id/problems/stale-version","title":"Changed by someone else","status":412,
             "detail":"Challenge 7 is at version 2 but you edited version 1; reload it and apply your changes again","instance":"/api/challenges/7"}""";

    private final ChallengeService challenges;
    private final Caller.Resolver callers;

    public ChallengeResource(ChallengeService challenges, Caller.Resolver callers) {
        this.challenges = challenges;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "createChallenge", summary = "Create a challenge as a draft (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "teen reading week", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull ChallengeRequest body) {
        return challenges.create(body, callers.userId())
                .map(c -> Response.created(URI.create("/challenges/" + c.id())).entity(c).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "replaceChallenge", summary = "Replace a challenge's settings (staff); existing logs keep the points they earned; needs If-Match with its version")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "The challenge's ETag, e.g. \"3\"")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "teen reading week", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag", description = "The new version, e.g. \"4\""),
            content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or a malformed If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such challenge", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: someone saved first; the answer carries the current ETag",
            headers = @Header(name = "ETag", description = "The current version"), content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ChallengeRequest body) {
        int version = IfMatch.version(ifMatch);
        return challenges.update(id, version, body).map(ChallengeResource::withETag);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "publishChallenge", summary = "Publish a challenge: members can join (staff)",
            description = "Publishing again is fine (the challenge is answered as it is); a closed challenge cannot be published again.")
    @APIResponse(responseCode = "409", description = "The challenge is closed")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    public Uni<ChallengeDto> publish(@PathParam("id") long id) {
        return challenges.publish(id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "closeChallenge", summary = "Close a challenge: no more entries; the board stays (staff)")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    public Uni<ChallengeDto> close(@PathParam("id") long id) {
        return challenges.close(id);
    }

    @GET
    @SecurityRequirements
    @Operation(operationId = "listChallenges", summary = "Published and closed challenges (staff also see drafts)")
    @APIResponse(responseCode = "200", description = "The challenges", content = @Content(schema = @Schema(implementation = ChallengeDto.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<List<ChallengeDto>> list() {
        return callers.current().chain(caller -> challenges.list(caller.isStaff()));
    }

    @GET
    @Path("/{id}")
    @SecurityRequirements
    @Operation(operationId = "getChallenge", summary = "One challenge, its rules and badges")
    @APIResponse(responseCode = "200", description = "The challenge", headers = @Header(name = "ETag", description = "Its version, e.g. \"3\": send it as If-Match to update it"),
            content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    @APIResponse(responseCode = "404", description = "No such challenge (or a draft)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("id") long id) {
        return callers.current().chain(caller -> challenges.get(id, caller.isStaff())).map(ChallengeResource::withETag);
    }

    private static Response withETag(ChallengeDto challenge) {
        return Response.ok(challenge).header(HttpHeaders.ETAG, IfMatch.etag(challenge.version())).build();
    }
}
