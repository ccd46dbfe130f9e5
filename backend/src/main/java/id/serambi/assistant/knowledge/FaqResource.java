package id.serambi.assistant.knowledge;

import id.serambi.account.Role;
import id.serambi.common.IfMatch;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/faq")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "FAQ knowledge base", description = "The entries Tanya Perpustakaan answers from, and the questions it handed over")
public class FaqResource {

    static final String REQUEST = """
            {"key":"jam-buka","questionId":"Jam berapa perpustakaan buka?","questionEn":"What are the library's opening hours?",\
            "alternatives":["perpus buka jam brp?","Is the library open on weekends?"],\
            "answerId":"Perpustakaan buka {jam_buka}.","answerEn":"The library is open {jam_buka}.",\
            "links":[{"label":{"id":"Kontak","en":"Contact"},"url":"/kontak"}],"tags":["jam","buka"],"live":"HOURS","active":true}""";
    static final String EXAMPLE = """
            {"id":1,"key":"jam-buka","questionId":"Jam berapa perpustakaan buka?","questionEn":"What are the library's opening hours?",\
            "alternatives":["perpus buka jam brp?","Is the library open on weekends?"],\
            "answerId":"Perpustakaan buka {jam_buka}.","answerEn":"The library is open {jam_buka}.",\
            "links":[{"label":{"id":"Kontak","en":"Contact"},"url":"/kontak"}],"tags":["jam","buka"],"live":"HOURS","active":true,\
            "updatedAt":"2026-12-04T02:00:00.000Z","version":0}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"FAQ entry 1 does not exist"}""";
    static final String TAKEN = """
            {"type":"https://serambi.id/problems/key-taken","title":"Key taken","status":409,\
            "detail":"Another FAQ entry has the key \\"jam-buka\\"; choose another key"}""";
    static final String INVALID = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"answerEn: must not be blank","errors":[{"field":"answerEn","message":"must not be blank"}]}""";

    private final FaqService faq;

    public FaqResource(FaqService faq) {
        this.faq = faq;
    }

    @GET
    @Operation(operationId = "listFaqEntries", summary = "Every FAQ entry, active or not, by key (staff)")
    @APIResponse(responseCode = "200", description = "All entries", content = @Content(schema = @Schema(
            implementation = FaqDtos.View.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "one", value = "[" + EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<FaqDtos.View>> list() {
        return faq.list();
    }

    @GET
    @Path("/unanswered")
    @Operation(operationId = "listUnansweredQuestions", summary = "The questions handed over to a librarian, most recent first (staff)",
            description = "The same text (any letter case) is listed once with how often it was asked: what the knowledge base lacks. "
                    + "At most 200.")
    @APIResponse(responseCode = "200", description = "The handed-over questions", content = @Content(schema = @Schema(
            implementation = FaqDtos.Unanswered.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "one", value = """
                    [{"question":"apakah ada kelas menulis puisi?","count":3,"lastAskedAt":"2026-12-04T02:00:00.000Z"}]""")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<FaqDtos.Unanswered>> unanswered() {
        return faq.unanswered();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFaqEntry", summary = "Add an entry to the knowledge base (staff); it answers within a moment on every instance")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hours", value = REQUEST)))
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location", description = "The entry", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FaqDtos.View.class), examples = @ExampleObject(name = "added", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing, malformed or too long field", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no answer", value = INVALID)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another entry has this key", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "taken", value = TAKEN)))
    public Uni<Response> create(@Valid @NotNull FaqDtos.Request body) {
        return faq.create(body).map(e -> Response.created(URI.create("/faq/" + e.id()))
                .tag(new EntityTag(String.valueOf(e.version()))).entity(e).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFaqEntry", summary = "One FAQ entry (staff); the ETag is its version")
    @APIResponse(responseCode = "200", description = "The entry", headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FaqDtos.View.class), examples = @ExampleObject(name = "entry", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entry", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> get(@PathParam("id") long id) {
        return faq.get(id).map(FaqResource::ok);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateFaqEntry", summary = "Change an entry, or switch it off with active false (staff); send the version you read as If-Match")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hours", value = REQUEST)))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = FaqDtos.View.class), examples = @ExampleObject(name = "entry", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing, malformed or too long field", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no answer", value = INVALID)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entry", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Another entry has this key", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "taken", value = TAKEN)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", headers = @Header(name = "ETag", description = "The current version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull FaqDtos.Request body) {
        return faq.update(id, IfMatch.version(ifMatch), body).map(FaqResource::ok);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteFaqEntry", summary = "Delete an entry (staff); the questions it answered stay logged without it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entry", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> delete(@PathParam("id") long id) {
        return faq.delete(id).map(nothing -> Response.noContent().build());
    }

    private static Response ok(FaqDtos.View entry) {
        return Response.ok(entry).tag(new EntityTag(String.valueOf(entry.version()))).build();
    }
}
