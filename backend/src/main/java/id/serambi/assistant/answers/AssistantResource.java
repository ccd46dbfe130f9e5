package id.serambi.assistant.answers;

import id.serambi.common.Caller;
import id.serambi.common.Problem;
import id.serambi.common.RateLimits;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/assistant")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tanya Perpustakaan", description = "The FAQ assistant: answers from the knowledge base, or hands the question to a librarian")
public class AssistantResource {

    private final AssistantService assistant;
    private final RateLimits limits;
    private final Caller.Resolver callers;

    public AssistantResource(AssistantService assistant, RateLimits limits, Caller.Resolver callers) {
        this.assistant = assistant;
        this.limits = limits;
        this.callers = callers;
    }

    @POST
    @Path("/questions")
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "askAssistant", summary = "Ask Tanya Perpustakaan (anyone)",
            description = "The best active FAQ entry answers in the language asked when its confidence reaches the threshold "
                    + "(serambi.assistant.threshold); otherwise handedOver is true and the answer says a librarian will reply. "
                    + "The question is kept for staff (the unanswered list); nothing of other askers is returned. "
                    + "A handed-over question opens a conversation with a librarian in the inbox: the answer's "
                    + "conversationToken identifies it (keep it; it is the only key). Sent back with a later question, "
                    + "that question joins the conversation too, answered or not, so that the librarian sees it. "
                    + "Signed in, the question is linked to the account (in its personal-data export, erased with it; "
                    + "a minor's is deleted after the minors' retention); anonymous questions keep no personal link.")
    @RequestBody(content = @Content(examples = { @ExampleObject(name = "hours", value = """
            {"question":"perpus buka jam brp?","language":"id"}"""), @ExampleObject(name = "follow-up", value = """
            {"question":"kalau hari Minggu?","language":"id","conversationToken":"q3mB0v9TQ2oXkH7cJd1Lr8sYw4aZpE6nUf5tGiKx0Vb"}""") }))
    @APIResponse(responseCode = "200", description = "The answer, or the hand-over", content = @Content(schema = @Schema(implementation = AssistantDtos.Answer.class),
            examples = { @ExampleObject(name = "answered", value = """
                    {"answer":"Perpustakaan buka Senin–Kamis pukul 08.00–15.30 WITA.","entryId":1,"confidence":0.82,"handedOver":false,\
                    "links":[{"label":"Kontak","url":"/kontak"}],"conversationToken":null}"""), @ExampleObject(name = "handed over", value = """
                    {"answer":"Maaf, kami belum punya jawaban untuk pertanyaan itu. Pertanyaan Anda sudah diteruskan kepada pustakawan, \
                    yang akan menjawabnya secepatnya.","entryId":null,"confidence":0.12,"handedOver":true,"links":[],\
                    "conversationToken":"q3mB0v9TQ2oXkH7cJd1Lr8sYw4aZpE6nUf5tGiKx0Vb"}""") }))
    @APIResponse(responseCode = "400", description = "An empty or too long question, or a language other than id and en",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "empty", value = """
                    {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"question: must not be blank","errors":[{"field":"question","message":"must not be blank"}]}""")))
    @APIResponse(responseCode = "404", description = "No conversation has the conversationToken sent; nothing was kept",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown token", value = """
                    {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,\
                    "detail":"No conversation has this token: ask without it to start a new one","instance":"/api/assistant/questions"}""")))
    @APIResponse(responseCode = "429", description = "Too many questions from this address",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AssistantDtos.Answer> ask(@Valid @NotNull AssistantDtos.Ask body) {
        limits.check(RateLimits.Action.ASSISTANT, null);
        return callers.current().chain(caller -> assistant.ask(body, caller.userId()));
    }
}
