package id.serambi.event.messaging;

import id.serambi.common.ProblemException;
import id.serambi.event.registration.E2eMailboxResource;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the browser tests only: runs the post-event feedback requests now ({@link FeedbackRequestJob#sendDueRequests}),
 * so a Playwright test that moved an event into the past by SQL need not wait for the job's schedule (5 minutes).
 * Like {@link E2eMailboxResource}, it answers only in the {@code e2e} profile with the mock mailer on; anywhere else,
 * and so in production, it is a 404 like any unknown path and sends nothing. Left out of the OpenAPI document.
 */
@Path("/e2e/feedback-requests")
public class E2eFeedbackRequestsResource {

    private final FeedbackRequestJob job;
    private final boolean enabled;

    public E2eFeedbackRequestsResource(FeedbackRequestJob job) {
        this.job = job;
        this.enabled = E2eMailboxResource.enabled();
    }

    /** Sends the feedback requests that are due and answers how many were sent: {@code {"sent": n}}. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<Map<String, Integer>> sendDue() {
        if (!enabled) {
            return Uni.createFrom().failure(new ProblemException(404, "not-found", "Not found",
                    "Resource not found"));
        }
        return job.sendDueRequests().map(sent -> Map.of("sent", sent));
    }
}
