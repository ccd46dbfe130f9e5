package id.serambi.assistant.suggestions;

import id.serambi.account.Role;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The inbox's suggested answers; under the inbox's path, served by the assistant (the inbox does not know it). */
@Path("/conversations/{id}/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Conversations", description = "The inbox: comments and direct messages people send the library on its platforms, "
        + "in threads staff assign, answer and close")
public class ReplySuggestionResource {

    private final ReplySuggestionService suggestions;

    public ReplySuggestionResource(ReplySuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @GET
    @Operation(operationId = "suggestThreadReplies", summary = "Suggested answers for the thread's latest message (staff)",
            description = "Up to 3 FAQ entries of Tanya Perpustakaan that match the thread's latest inbound message best, the best "
                    + "first, with their answers in the language asked, even below the assistant's threshold. Empty when the "
                    + "thread has no inbound message or nothing matches. Staff choose one to fill the reply box; nothing is sent.")
    @APIResponse(responseCode = "200", description = "The suggestions, best first", content = @Content(schema = @Schema(
            type = SchemaType.ARRAY, implementation = ReplySuggestionDtos.Suggestion.class), examples = @ExampleObject(name = "hours", value = """
                    [{"entryId":1,"question":"Jam berapa perpustakaan buka?",\
                    "answer":"Perpustakaan buka Senin–Kamis pukul 08.00–15.30 WITA.","confidence":0.82},\
                    {"entryId":7,"question":"Apakah perpustakaan buka pada hari libur?",\
                    "answer":"Pada hari libur nasional perpustakaan tutup.","confidence":0.41}]""")))
    @APIResponse(responseCode = "400", description = "A language other than id and en", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "language", value = """
                    {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"language: must be id or en","errors":[{"field":"language","message":"must be id or en"}]}""")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such thread", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = """
                    {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Conversation 31 does not exist"}""")))
    public Uni<List<ReplySuggestionDtos.Suggestion>> suggest(@PathParam("id") long id,
            @Parameter(description = "The language of the questions and answers", schema = @Schema(enumeration = { "id", "en" }))
            @QueryParam("language") @DefaultValue("id") @Pattern(regexp = "id|en", message = "must be id or en") String language) {
        return suggestions.suggest(id, language);
    }
}
