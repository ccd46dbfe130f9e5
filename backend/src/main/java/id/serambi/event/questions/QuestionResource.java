package id.serambi.event.questions;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import id.serambi.common.ProblemResponses;
import id.serambi.common.QueryParameters;
import id.serambi.common.RateLimits;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

@Path("/events/{id}/questions")
@Tag(name = "Live Q&A", description = "Registrants ask and upvote; staff approve, hide and answer; changes stream live")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionResource {

    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    static final String FORBIDDEN_EXAMPLE = """
            {"type":"https://serambi.id/problems/forbidden","title":"Forbidden","status":403,\
            "detail":"Only registrants of event 12 can ask and vote: send the manage token from your registration"}""";

    private final QuestionService questions;
    private final QuestionFeed feed;
    private final RateLimits limits;

    public QuestionResource(QuestionService questions, QuestionFeed feed, RateLimits limits) {
        this.questions = questions;
        this.feed = feed;
        this.limits = limits;
    }

    @GET
    @SecurityRequirements
    @Operation(operationId = "listQuestions", summary = "The approved and answered questions, most upvoted first")
    @APIResponse(responseCode = "200", description = "The visible questions", content = @Content(schema = @Schema(implementation = QuestionDtos.QuestionDto.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such event, or a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<QuestionDtos.QuestionDto>> visible(@PathParam("id") long id) {
        return questions.visible(id);
    }

    @GET
    @Path("/stream")
    @SecurityRequirements
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamQuestions", summary = "Server-sent events: a SNAPSHOT of the visible questions, then every UPSERT and REMOVE, "
            + "from whichever server instance made it; a HEARTBEAT every 25 s",
            description = "Each event is an unnamed SSE message whose data is one QuestionUpdate in JSON; its kind says "
                    + "what it is. SNAPSHOT (first, once): `questions` holds every visible question. UPSERT: "
                    + "`question` became or stayed visible (approved, new votes, an answer). REMOVE: staff hid "
                    + "`question`. HEARTBEAT (every 25 s): nothing changed; it keeps proxies from closing the stream. "
                    + "A draft or missing event is a 404 problem before the stream starts.")
    @APIResponse(responseCode = "200", description = "An endless text/event-stream; each message's data is a QuestionUpdate",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = QuestionDtos.Update.class)))
    @APIResponse(responseCode = "404", description = "No such event, or a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<QuestionDtos.Update> stream(@PathParam("id") long id) {
        Multi<QuestionDtos.Update> snapshot = Multi.createFrom().uni(questions.visible(id)
                .map(list -> new QuestionDtos.Update(QuestionDtos.Update.Kind.SNAPSHOT, id, null, list)));
        // A draft or missing event was already answered 404 by checkStream below. The snapshot and the live changes
        // are subscribed at once, so no change is lost between reading the snapshot and listening.
        return Multi.createBy().merging().streams(snapshot, feed.of(id, HEARTBEAT));
    }

    /**
     * An SSE response is committed (200) as soon as the stream starts, so the event is checked first, here: a draft
     * or missing event gets a proper 404 problem instead of a broken stream.
     */
    @ServerRequestFilter
    public Uni<Response> checkStream(SimpleResourceInfo resource, UriInfo uri, HttpServerRequest request) {
        if (resource.getResourceClass() != QuestionResource.class || !resource.getMethodName().equals("stream")) {
            return Uni.createFrom().nullItem();
        }
        return ProblemResponses.beforeStream(uri, request, questions::watchable);
    }

    @POST
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "askQuestion", summary = "Ask a question (registrants of the event); it shows once staff approve it")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "question", value = """
            {"manageToken":"tD3v2gQz0Qm1yq0n8mX5mJb8yJ9v6oV1xHk2fQp7a4E",\
            "text":"Apakah perpustakaan punya koleksi e-book untuk pelajar SMA?","displayName":"Nadia"}""")))
    @APIResponse(responseCode = "201", description = "Received, PENDING moderation", content = @Content(schema = @Schema(implementation = QuestionDtos.QuestionDto.class)))
    @APIResponse(responseCode = "400", description = "Empty or too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a registrant of this event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not registered", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The event is over or cancelled, or too many questions", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many questions from this address or registration",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> ask(@PathParam("id") long id, @Valid @NotNull QuestionDtos.Ask body) {
        limits.check(RateLimits.Action.QUESTION, body.manageToken());
        return questions.ask(id, body).map(q -> Response.created(URI.create("/events/" + id + "/questions/" + q.id()))
                .entity(q).build());
    }

    @POST
    @Path("/{questionId}/upvote")
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "upvoteQuestion", summary = "Upvote a visible question: one vote per registration; voting again changes nothing")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "vote", value = "{\"manageToken\":\"tD3v2gQz0Qm1yq0n8mX5mJb8yJ9v6oV1xHk2fQp7a4E\"}")))
    @APIResponse(responseCode = "200", description = "The question with its votes", content = @Content(schema = @Schema(implementation = QuestionDtos.QuestionDto.class)))
    @APIResponse(responseCode = "403", description = "Not a registrant of this event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not registered", value = FORBIDDEN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such visible question", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The event is over or cancelled: its Q&A is closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many votes from this address or registration",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<QuestionDtos.QuestionDto> upvote(@PathParam("id") long id, @PathParam("questionId") long questionId,
            @Valid @NotNull QuestionDtos.Vote body) {
        limits.check(RateLimits.Action.VOTE, body.manageToken());
        return questions.upvote(id, questionId, body);
    }

    @GET
    @Path("/manage")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "listQuestionsForModeration", summary = "Every question, in the order asked, for moderation (staff)")
    @APIResponse(responseCode = "200", description = "The questions", content = @Content(schema = @Schema(implementation = QuestionDtos.QuestionDto.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "A bad status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<QuestionDtos.QuestionDto>> all(@PathParam("id") long id,
            @Parameter(description = "Only questions in this status (any letter case); all when absent",
                    schema = @Schema(implementation = QuestionStatus.class)) @QueryParam("status") String status) {
        QueryParameters query = new QueryParameters();
        QuestionStatus wanted = query.enumValue("status", status, QuestionStatus.class);
        query.check();
        return questions.all(id, wanted);
    }

    @POST
    @Path("/{questionId}/approve")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "approveQuestion", summary = "Show a question to the audience (staff)")
    @APIResponse(responseCode = "200", description = "The question", content = @Content(schema = @Schema(implementation = QuestionDtos.QuestionDto.class)))
    @APIResponse(responseCode = "404", description = "No such question for this event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<QuestionDtos.QuestionDto> approve(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        return questions.approve(id, questionId);
    }

    @POST
    @Path("/{questionId}/hide")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "hideQuestion", summary = "Hide a question from the audience (staff)")
    @APIResponse(responseCode = "200", description = "The question", content = @Content(schema = @Schema(implementation = QuestionDtos.QuestionDto.class)))
    @APIResponse(responseCode = "404", description = "No such question for this event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<QuestionDtos.QuestionDto> hide(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        return questions.hide(id, questionId);
    }

    @POST
    @Path("/{questionId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "answerQuestion", summary = "Answer a question; it becomes visible as ANSWERED (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "answer", value = "{\"answer\":\"Ada, lewat aplikasi iPusnas dan koleksi digital kami.\"}")))
    @APIResponse(responseCode = "200", description = "The question", content = @Content(schema = @Schema(implementation = QuestionDtos.QuestionDto.class)))
    @APIResponse(responseCode = "400", description = "Empty or too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such question for this event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<QuestionDtos.QuestionDto> answer(@PathParam("id") long id, @PathParam("questionId") long questionId,
            @Valid @NotNull QuestionDtos.Answer body) {
        return questions.answer(id, questionId, body.answer());
    }
}
