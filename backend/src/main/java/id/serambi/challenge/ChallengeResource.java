package id.serambi.challenge;

import id.serambi.account.Role;
import id.serambi.common.Caller;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    private final ChallengeService challenges;
    private final Caller.Resolver callers;
    private final JsonWebToken jwt;

    public ChallengeResource(ChallengeService challenges, Caller.Resolver callers, JsonWebToken jwt) {
        this.challenges = challenges;
        this.callers = callers;
        this.jwt = jwt;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Create a challenge as a draft (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "teen reading week", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull ChallengeRequest body) {
        return challenges.create(body, Long.parseLong(jwt.getSubject()))
                .map(c -> Response.created(URI.create("/challenges/" + c.id())).entity(c).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Replace a challenge's settings (staff); existing logs keep the points they earned")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "teen reading week", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    @APIResponse(responseCode = "404", description = "No such challenge", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ChallengeDto> update(@PathParam("id") long id, @Valid @NotNull ChallengeRequest body) {
        return challenges.update(id, body);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Publish a challenge: members can join (staff)")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    public Uni<ChallengeDto> publish(@PathParam("id") long id) {
        return challenges.publish(id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(summary = "Close a challenge: no more entries; the board stays (staff)")
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    public Uni<ChallengeDto> close(@PathParam("id") long id) {
        return challenges.close(id);
    }

    @GET
    @SecurityRequirements
    @Operation(summary = "Published and closed challenges (staff also see drafts)")
    @APIResponse(responseCode = "200", description = "The challenges", content = @Content(schema = @Schema(implementation = ChallengeDto.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<List<ChallengeDto>> list() {
        return callers.current().chain(caller -> challenges.list(caller.isStaff()));
    }

    @GET
    @Path("/{id}")
    @SecurityRequirements
    @Operation(summary = "One challenge, its rules and badges")
    @APIResponse(responseCode = "200", description = "The challenge", content = @Content(schema = @Schema(implementation = ChallengeDto.class)))
    @APIResponse(responseCode = "404", description = "No such challenge (or a draft)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ChallengeDto> get(@PathParam("id") long id) {
        return callers.current().chain(caller -> challenges.get(id, caller.isStaff()));
    }
}
