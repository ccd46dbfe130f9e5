package id.serambi.conversation.replies;

import id.serambi.account.Role;
import id.serambi.common.Caller;
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

@Path("/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Saved replies", description = "Reusable answers in Bahasa Indonesia and English, with the placeholders {nama}, {acara} and {tautan}")
public class SavedReplyResource {

    static final String EXAMPLE = """
            {"id":3,"title":"Cara mendaftar acara","bodyId":"Halo {nama}, pendaftaran {acara} ada di {tautan}. Sampai jumpa!",\
            "bodyEn":"Hi {nama}, you can register for {acara} at {tautan}. See you there!",\
            "updatedAt":"2026-12-04T02:00:00.000Z","version":0}""";
    static final String REQUEST = """
            {"title":"Cara mendaftar acara","bodyId":"Halo {nama}, pendaftaran {acara} ada di {tautan}. Sampai jumpa!",\
            "bodyEn":"Hi {nama}, you can register for {acara} at {tautan}. See you there!"}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Saved reply 3 does not exist"}""";
    static final String TAKEN = """
            {"type":"https://serambi.id/problems/title-taken","title":"Title taken","status":409,\
            "detail":"A saved reply is already called \\"Cara mendaftar acara\\"; choose another title"}""";

    private final SavedReplyService replies;
    private final Caller.Resolver caller;

    public SavedReplyResource(SavedReplyService replies, Caller.Resolver caller) {
        this.replies = replies;
        this.caller = caller;
    }

    @GET
    @Path("/saved-replies")
    @Operation(operationId = "listSavedReplies", summary = "The saved replies, by title (staff)")
    @APIResponse(responseCode = "200", description = "All saved replies", content = @Content(schema = @Schema(
            implementation = SavedReplyDtos.View.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "one", value = "[" + EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<SavedReplyDtos.View>> list() {
        return replies.list();
    }

    @POST
    @Path("/saved-replies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSavedReply", summary = "Save a reply for reuse (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "register", value = REQUEST)))
    @APIResponse(responseCode = "201", description = "Saved", headers = @Header(name = "Location", description = "The saved reply", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SavedReplyDtos.View.class), examples = @ExampleObject(name = "saved", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing or too long title or body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another saved reply has this title", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "taken", value = TAKEN)))
    public Uni<Response> create(@Valid @NotNull SavedReplyDtos.Request body) {
        return replies.create(body, caller.userId()).map(r -> Response.created(URI.create("/conversations/saved-replies/" + r.id()))
                .tag(new EntityTag(String.valueOf(r.version()))).entity(r).build());
    }

    @GET
    @Path("/saved-replies/{id}")
    @Operation(operationId = "getSavedReply", summary = "One saved reply (staff); the ETag is its version")
    @APIResponse(responseCode = "200", description = "The saved reply", headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SavedReplyDtos.View.class), examples = @ExampleObject(name = "saved", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such saved reply", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> get(@PathParam("id") long id) {
        return replies.get(id).map(SavedReplyResource::ok);
    }

    @PUT
    @Path("/saved-replies/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSavedReply", summary = "Change a saved reply (staff); send the version you read as If-Match")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "register", value = REQUEST)))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SavedReplyDtos.View.class), examples = @ExampleObject(name = "saved", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing or too long title or body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such saved reply", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Another saved reply has this title", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "taken", value = TAKEN)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", headers = @Header(name = "ETag", description = "The current version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SavedReplyDtos.Request body) {
        return replies.update(id, IfMatch.version(ifMatch), body).map(SavedReplyResource::ok);
    }

    @DELETE
    @Path("/saved-replies/{id}")
    @Operation(operationId = "deleteSavedReply", summary = "Delete a saved reply (staff)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such saved reply", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> delete(@PathParam("id") long id) {
        return replies.delete(id).map(nothing -> Response.noContent().build());
    }

    @POST
    @Path("/{threadId}/saved-replies/{id}/fill")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "fillSavedReply", summary = "A saved reply with its placeholders filled for a thread (staff)",
            description = "{nama} becomes the thread's contact (\"Kak\" or \"there\" when the platform gave no name); {acara} and "
                    + "{tautan} the values sent. A placeholder the reply uses without a value is a 400 naming it. Nothing is "
                    + "sent: staff edit the text, then reply with it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "fill", value = """
            {"language":"id","acara":"Bedah Buku: Laskar Pelangi","tautan":"https://serambi.example/acara/12"}""")))
    @APIResponse(responseCode = "200", description = "The filled text", content = @Content(schema = @Schema(implementation = SavedReplyDtos.Filled.class),
            examples = @ExampleObject(name = "filled", value = """
                    {"text":"Halo Siti Rahma, pendaftaran Bedah Buku: Laskar Pelangi ada di https://serambi.example/acara/12. Sampai jumpa!"}""")))
    @APIResponse(responseCode = "400", description = "No language, or a placeholder without its value", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no link", value = """
                    {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"tautan: the saved reply uses {tautan}: give its value",\
                    "errors":[{"field":"tautan","message":"the saved reply uses {tautan}: give its value"}]}""")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such thread or saved reply", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<SavedReplyDtos.Filled> fill(@PathParam("threadId") long threadId, @PathParam("id") long id,
            @Valid @NotNull SavedReplyDtos.FillRequest body) {
        return replies.fill(threadId, id, body);
    }

    private static Response ok(SavedReplyDtos.View reply) {
        return Response.ok(reply).tag(new EntityTag(String.valueOf(reply.version()))).build();
    }
}
