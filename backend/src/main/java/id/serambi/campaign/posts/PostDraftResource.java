package id.serambi.campaign.posts;

import id.serambi.account.Role;
import id.serambi.campaign.posts.PostDtos.PostView;
import id.serambi.common.Caller;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/posts")
@Tag(name = "Posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostDraftResource {

    static final String NO_CONSENT = """
            {"type":"https://serambi.id/problems/no-consent","title":"Review not shared","status":409,
             "detail":"The reader did not agree to share this review; it cannot be posted","instance":"/api/posts/draft-from-review/5"}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Event 9 does not exist","instance":"/api/posts/draft-from-event/9"}""";

    static final String SURVEY_NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Survey 9 does not exist","instance":"/api/posts/draft-from-survey/9"}""";
    static final String SURVEY_NOT_OPEN = """
            {"type":"https://serambi.id/problems/survey-not-open","title":"Survey not open","status":409,
             "detail":"Survey 9 is DRAFT; only a published survey can be shared","instance":"/api/posts/draft-from-survey/9"}""";
    static final String SURVEY_NOT_SHAREABLE = """
            {"type":"https://serambi.id/problems/survey-not-shareable","title":"Survey not shareable","status":409,
             "detail":"Survey 9 is answered by MANAGE_LINK (a personal link); it cannot be shared publicly","instance":"/api/posts/draft-from-survey/9"}""";

    private final PostDraftService drafts;
    private final Caller.Resolver caller;

    public PostDraftResource(PostDraftService drafts, Caller.Resolver caller) {
        this.drafts = drafts;
        this.caller = caller;
    }

    @POST
    @Path("/draft-from-event/{eventId}")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "draftPostFromEvent", summary = "Draft an EVENT_PROMO post from an event: its title, date in WITA and public page (never the join link)")
    @APIResponse(responseCode = "201", description = "A DRAFT with Facebook, Instagram and X variants", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The event was cancelled or is over", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> fromEvent(@PathParam("eventId") long eventId) {
        return drafts.fromEvent(eventId, userId()).map(PostDraftResource::created);
    }

    @POST
    @Path("/draft-from-challenge/{challengeId}")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "draftPostFromChallenge", summary = "Draft a CHALLENGE_UPDATE post: the board's current top 3, by nickname only")
    @APIResponse(responseCode = "201", description = "A DRAFT with Facebook, Instagram and X variants", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such challenge", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Nobody on the board yet", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> fromChallenge(@PathParam("challengeId") long challengeId) {
        return drafts.fromChallenge(challengeId, userId()).map(PostDraftResource::created);
    }

    @POST
    @Path("/draft-from-review/{logId}")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "draftPostFromReview", summary = "Draft a BOOK_REVIEW post from a reading log's review the reader agreed to share (nickname only)")
    @APIResponse(responseCode = "201", description = "A DRAFT with Facebook, Instagram and X variants", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such reading log", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not shared with consent, or voided", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no consent", value = NO_CONSENT)))
    public Uni<Response> fromReview(@PathParam("logId") long logId) {
        return drafts.fromReview(logId, userId()).map(PostDraftResource::created);
    }

    @POST
    @Path("/draft-from-survey/{surveyId}")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "draftPostFromSurvey", summary = "Draft an ANNOUNCEMENT inviting people to answer a published survey at its public link")
    @APIResponse(responseCode = "201", description = "A DRAFT with Facebook, Instagram and X variants", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = SURVEY_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The survey is not published, or is answered by a personal link (MANAGE_LINK)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "draft", value = SURVEY_NOT_OPEN), @ExampleObject(name = "manage link", value = SURVEY_NOT_SHAREABLE) }))
    public Uni<Response> fromSurvey(@PathParam("surveyId") long surveyId) {
        return drafts.fromSurvey(surveyId, userId()).map(PostDraftResource::created);
    }

    private static Response created(PostView p) {
        return Response.created(URI.create("/posts/" + p.id())).tag(new EntityTag(String.valueOf(p.version())))
                .entity(p).build();
    }

    private long userId() {
        return caller.userId();
    }
}
