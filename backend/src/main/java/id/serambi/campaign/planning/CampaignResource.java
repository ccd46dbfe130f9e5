package id.serambi.campaign.planning;

import id.serambi.account.Role;
import id.serambi.campaign.planning.CampaignDtos.CampaignRequest;
import id.serambi.campaign.planning.CampaignDtos.CampaignView;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/campaigns")
@Tag(name = "Campaigns", description = "Social-media campaigns: theme, period, platforms and KPI targets (staff)")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    static final String EXAMPLE = """
            {"title":"Kampanye Literasi Digital: Waspada Hoaks","goal":"Remaja Banjarbaru memeriksa informasi sebelum membagikannya",
             "theme":"CYBER_SAFETY","startsOn":"2026-11-01","endsOn":"2026-11-30","platforms":["INSTAGRAM"],
             "kpiTargets":[{"metric":"IMPRESSIONS","target":20000},{"metric":"ENGAGEMENT_RATE","target":0.05},{"metric":"POSTS","target":12}]}""";
    static final String INVALID = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,
             "detail":"endsOn: must not be before startsOn","instance":"/api/campaigns","errors":[{"field":"endsOn","message":"must not be before startsOn"}]}""";
    static final String STALE = """
            {"type":"https://serambi.id/problems/stale-version","title":"Changed by someone else","status":412,
             "detail":"Campaign 7 is at version 2 but you edited version 1; reload it and apply your changes again","instance":"/api/campaigns/7"}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Campaign 7 does not exist","instance":"/api/campaigns/7"}""";

    private final CampaignService campaigns;
    private final Caller.Resolver caller;

    public CampaignResource(CampaignService campaigns, Caller.Resolver caller) {
        this.campaigns = campaigns;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "createCampaign", summary = "Plan a campaign (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "waspada hoaks", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "period", value = INVALID)))
    public Uni<Response> create(@Valid @NotNull CampaignRequest body) {
        return campaigns.create(body, caller.userId())
                .map(c -> Response.created(URI.create("/campaigns/" + c.id())).tag(new EntityTag(String.valueOf(c.version())))
                        .entity(c).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "replaceCampaign", summary = "Replace a campaign's plan and KPI targets (staff); needs If-Match with its version")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "The campaign's ETag, e.g. \"3\"")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "waspada hoaks", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "period", value = INVALID)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "412", description = "Stale If-Match: someone saved first; the answer carries the current ETag",
            headers = @Header(name = "ETag", description = "The current version"), content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CampaignRequest body) {
        int version = IfMatch.version(ifMatch);
        return campaigns.update(id, version, body).map(CampaignResource::ok);
    }

    @GET
    @RolesAllowed({ Role.STAFF_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "listCampaigns", summary = "Every campaign, the newest first (staff and reviewers)")
    @APIResponse(responseCode = "200", description = "The campaigns", content = @Content(schema = @Schema(implementation = CampaignView.class, type = SchemaType.ARRAY)))
    public Uni<List<CampaignView>> list() {
        return campaigns.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.STAFF_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getCampaign", summary = "One campaign with its KPI targets (staff and reviewers); the ETag is its version")
    @APIResponse(responseCode = "200", description = "The campaign", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> get(@PathParam("id") long id) {
        return campaigns.get(id).map(CampaignResource::ok);
    }

    private static Response ok(CampaignView c) {
        return Response.ok(c).tag(new EntityTag(String.valueOf(c.version()))).build();
    }
}
