package id.serambi.campaign.analytics;

import id.serambi.account.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Tarik sekarang": the metrics pull job's round, run at once. */
@Path("/campaigns/metrics")
@Tag(name = "Metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsPullResource {

    private final MetricsPullService pulls;

    public MetricsPullResource(MetricsPullService pulls) {
        this.pulls = pulls;
    }

    @POST
    @Path("/pull")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "pullCampaignMetrics", summary = "Pull the metrics of the variants published in the last 30 days from their platforms now (staff)",
            description = "Runs the metrics pull job's round at once: each variant with the platform's id that was not "
                    + "pulled in the current round is read from its connected platform and stored as a snapshot with "
                    + "source API. Variants already pulled this round (by the job or another click) are left alone; "
                    + "platforms that are not connected are skipped.")
    @APIResponse(responseCode = "200", description = "How the round went", content = @Content(
            schema = @Schema(implementation = MetricsPullService.Result.class), examples = @ExampleObject(name = "pulled",
                    value = "{\"claimed\":12,\"updated\":10,\"notConnected\":2,\"failed\":0}")))
    public Uni<MetricsPullService.Result> pull() {
        return pulls.pullOnce();
    }
}
