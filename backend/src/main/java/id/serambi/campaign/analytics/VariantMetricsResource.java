package id.serambi.campaign.analytics;

import id.serambi.common.QueryParameters;
import id.serambi.account.Role;
import id.serambi.campaign.posts.PostDtos.MetricsRequest;
import id.serambi.campaign.posts.PostDtos.MetricsView;
import id.serambi.social.SocialPlatform;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One variant's metrics as JSON, under its post's path; the CSV import is {@link MetricsResource}. */
@Path("/posts")
@Produces(MediaType.APPLICATION_JSON)
public class VariantMetricsResource {

    private final VariantMetricsService metrics;

    public VariantMetricsResource(VariantMetricsService metrics) {
        this.metrics = metrics;
    }

    @PUT
    @Path("/{id}/variants/{platform}/metrics")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Tag(name = "Metrics")
    @Operation(operationId = "recordVariantMetrics", summary = "Record a metrics snapshot for one published variant "
            + "(staff); the latest snapshot wins", description = "The figures are stored as typed-in (source MANUAL), "
            + "never as read from the platform. Omitted figures are not reported (null in the snapshot); the newest "
            + "snapshot of a variant is the one the post and the analytics show.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "instagram", value = """
            {"impressions":1200,"reach":950,"reactions":80,"comments":12,"shares":9,"saves":15,"clicks":4}""")))
    @APIResponse(responseCode = "200", description = "The snapshot", content = @Content(schema = @Schema(implementation = MetricsView.class)))
    @APIResponse(responseCode = "400", description = "A negative number", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such post or variant", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The variant is not published yet", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<MetricsView> record(@PathParam("id") long id,
            @Parameter(description = "The variant's platform", schema = @Schema(implementation = SocialPlatform.class))
            @PathParam("platform") String platform,
            @Valid @NotNull MetricsRequest body) {
        QueryParameters query = new QueryParameters();
        SocialPlatform p = query.enumValue("platform", platform, SocialPlatform.class);
        query.check();
        return metrics.record(id, p, body);
    }
}
