package id.serambi.survey.answer;

import id.serambi.common.Caller;
import id.serambi.common.Problem;
import id.serambi.common.RateLimits;
import id.serambi.survey.SurveyContexts;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

@Path("/surveys/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "Answering a published survey (issue 20): anyone, by manage link or by account, as the survey says")
public class AnswerResource {

    static final String FORM = """
            {"id":1,"title":{"id":"Survei acara","en":"Event survey"},"introduction":{"id":"Bantu kami memperbaiki acara kami.",\
            "en":"Help us improve our events."},"access":"ANONYMOUS","onePerPerson":false,\
            "sections":[{"title":{"id":"Tentang acara","en":"About the event"},"questions":[\
            {"key":"datang-lagi","text":{"id":"Akan datang lagi?","en":"Would you come again?"},"type":"SINGLE_CHOICE",\
            "required":true,"options":[{"key":"ya","label":{"id":"Ya","en":"Yes"}},{"key":"tidak","label":{"id":"Tidak","en":"No"}}],\
            "min":null,"max":null,"condition":null},\
            {"key":"alasan","text":{"id":"Mengapa tidak?","en":"Why not?"},"type":"LONG_TEXT","required":false,"options":[],\
            "min":null,"max":null,"condition":{"questionKey":"datang-lagi","optionKey":"tidak"}}]}],\
            "formToken":"1796349600000.q3mB0v9TQ2oXkH7cJd1Lr8sYw4aZpE6nUf5tGiKx0Vb","alreadyAnswered":false}""";
    static final String ANSWERS = """
            {"answers":{"datang-lagi":"tidak","alasan":"Acaranya terlalu pagi."},\
            "formToken":"1796349600000.q3mB0v9TQ2oXkH7cJd1Lr8sYw4aZpE6nUf5tGiKx0Vb","website":""}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Survey 1 does not exist"}""";
    static final String CLOSED = """
            {"type":"https://serambi.id/problems/survey-closed","title":"Survey closed","status":410,"detail":"Survey 1 is closed to answers"}""";
    static final String SIGN_IN = """
            {"type":"https://serambi.id/problems/sign-in-required","title":"Sign-in required","status":401,\
            "detail":"Survey 1 is answered by members: sign in first"}""";
    static final String MANAGE_LINK = """
            {"type":"https://serambi.id/problems/manage-link-required","title":"Manage link required","status":403,\
            "detail":"Survey 1 is answered through the link in your registration's e-mail"}""";
    static final String INVALID = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"answers.datang-lagi: must be answered; answers.rekomendasi: must be a whole number from 0 to 10",\
            "errors":[{"field":"answers.datang-lagi","message":"must be answered"},\
            {"field":"answers.rekomendasi","message":"must be a whole number from 0 to 10"}]}""";
    static final String EXPIRED = """
            {"type":"https://serambi.id/problems/form-expired","title":"Form expired","status":400,\
            "detail":"The form was served more than 24 hours ago; load the form again",\
            "errors":[{"field":"formToken","message":"The form was served more than 24 hours ago; load the form again"}]}""";
    static final String ANSWERED = """
            {"type":"https://serambi.id/problems/already-answered","title":"Already answered","status":409,\
            "detail":"You have answered survey 1 already; it takes one response per person"}""";

    private final AnswerService answers;
    private final Caller.Resolver callers;
    private final RateLimits limits;

    public AnswerResource(AnswerService answers, Caller.Resolver callers, RateLimits limits) {
        this.answers = answers;
        this.callers = callers;
        this.limits = limits;
    }

    @GET
    @Path("/form")
    @SecurityRequirements
    @Operation(operationId = "getSurveyForm", summary = "A published survey to answer, with its form token (anyone, as the survey's access says)",
            description = "An ACCOUNT survey needs a signed-in caller (401 sign-in-required); a MANAGE_LINK survey the manage "
                    + "token of a registration (403 manage-link-required). `event` and `challenge` name where the form was "
                    + "opened (after an event, in a challenge); alreadyAnswered is true when a one-per-person survey has "
                    + "this respondent's response in that context.")
    @APIResponse(responseCode = "200", description = "The form", content = @Content(schema = @Schema(implementation = AnswerDtos.Form.class),
            examples = @ExampleObject(name = "form", value = FORM)))
    @APIResponse(responseCode = "400", description = "A malformed query parameter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "The survey is answered by members: sign in", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "sign in", value = SIGN_IN)))
    @APIResponse(responseCode = "403", description = "The survey is answered through a registration's manage link, or the caller may not answer in this context",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "manage link", value = MANAGE_LINK)))
    @APIResponse(responseCode = "404", description = "No such survey, a draft, or an unknown manage token, event or challenge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The challenge's phase for this survey is not open, or the event has not started yet", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The survey is closed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "closed", value = CLOSED)))
    public Uni<AnswerDtos.Form> form(@PathParam("id") long id,
            @QueryParam("token") @Size(max = 200) @Parameter(description = "A registration's manage token (from the post-event e-mail's link)") String token,
            @QueryParam("event") @Positive @Parameter(description = "The event the form is opened for", example = "12") Long event,
            @QueryParam("challenge") @Positive @Parameter(description = "The challenge the form is opened for", example = "3") Long challenge) {
        return callers.current().chain(caller -> answers.form(id, new SurveyContexts.Hint(blankToNull(token), caller.userId(), event, challenge)));
    }

    @POST
    @Path("/responses")
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerSurvey", summary = "Answer a published survey (anyone, as the survey's access says)",
            description = "Every answer is checked against the survey: its type, the required questions shown, no answer to a "
                    + "question whose condition is not met; each error names `answers.<key>`. The form token must be 3 "
                    + "seconds to 24 hours old (else 400 form-expired: load the form again). An ANONYMOUS survey's "
                    + "response keeps no link to a person, even from a signed-in caller: only the answers, the day and the "
                    + "event or challenge. Rate-limited per address. The answer identifies nothing of the response.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "answers", value = ANSWERS)))
    @APIResponse(responseCode = "201", description = "Received",
            headers = @Header(name = "Location", required = false, description = "Never sent: nothing identifies a response, not even to whoever gave it",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(schema = @Schema(implementation = AnswerDtos.Receipt.class),
            examples = @ExampleObject(name = "received", value = "{\"received\":true}")))
    @APIResponse(responseCode = "400", description = "An answer that breaks the survey's rules (each error names its field), or an expired or forged form token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "answers", value = INVALID), @ExampleObject(name = "expired", value = EXPIRED) }))
    @APIResponse(responseCode = "401", description = "The survey is answered by members: sign in", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "sign in", value = SIGN_IN)))
    @APIResponse(responseCode = "403", description = "The survey is answered through a registration's manage link, or the caller may not answer in this context",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "manage link", value = MANAGE_LINK)))
    @APIResponse(responseCode = "404", description = "No such survey, a draft, or an unknown manage token, event or challenge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Answered already (one response per person), the challenge's phase is not open, or the event has not started yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "answered", value = ANSWERED)))
    @APIResponse(responseCode = "410", description = "The survey is closed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "closed", value = CLOSED)))
    @APIResponse(responseCode = "429", description = "Too many answers from this address",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> answer(@PathParam("id") long id, @Valid @NotNull AnswerDtos.Submission body) {
        limits.check(RateLimits.Action.SURVEY_RESPONSE, null);
        Uni<Void> done = body.website() != null && !body.website().isBlank()
                // The honeypot: a field people never see. A bot that fills it is told its answer arrived; nothing is kept.
                ? Uni.createFrom().voidItem()
                : callers.current().chain(caller -> answers.submit(id, body,
                        new SurveyContexts.Hint(blankToNull(body.token()), caller.userId(), body.event(), body.challenge())));
        return done.map(nothing -> Response.status(Response.Status.CREATED).entity(new AnswerDtos.Receipt(true)).build());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
