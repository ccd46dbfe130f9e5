package id.serambi.media.library;

import id.serambi.account.Role;
import id.serambi.common.Caller;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import id.serambi.media.MediaKind;
import id.serambi.media.library.MediaDtos.MediaPage;
import id.serambi.media.library.MediaDtos.MediaView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The media library: images and short videos staff attach to posts. */
@Path("/media")
@Tag(name = "Media", description = "The media library: images (JPEG, PNG, WebP) and short videos (MP4) for posts (staff)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
public class MediaResource {

    static final String UNSUPPORTED = """
            {"type":"https://serambi.id/problems/unsupported-media-type","title":"Unsupported file type","status":415,
             "detail":"Only JPEG, PNG and WebP images and MP4 videos can be uploaded; this file is none of them","instance":"/api/media"}""";
    static final String CORRUPT = """
            {"type":"https://serambi.id/problems/corrupt-media","title":"Corrupt file","status":422,
             "detail":"The file looks like an image or a video but it has no moov box (the movie header)","instance":"/api/media"}""";
    static final String IN_USE = """
            {"type":"https://serambi.id/problems/media-in-use","title":"File in use","status":409,
             "detail":"Media file 7 is attached to post 12, which is past its draft; take it off the post first","instance":"/api/media/7"}""";

    private final MediaService media;
    private final Caller.Resolver caller;

    public MediaResource(MediaService media, Caller.Resolver caller) {
        this.media = media;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadMedia", summary = "Upload an image or a video, form field \"file\" (staff)",
            description = "The type is detected from the bytes (never from the name or the declared type); the width, "
                    + "height and a video's duration are read from the file's headers. The file is then served at "
                    + "publicUrl, under an unguessable name. At most serambi.media.max-bytes (100 MB by default).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = "file", properties = @SchemaProperty(name = "file",
                    type = SchemaType.STRING, format = "binary", description = "A JPEG, PNG or WebP image or an MP4 video"))))
    @APIResponse(responseCode = "201", description = "Stored; Location names it",
            content = @Content(schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "400", description = "No file, or an empty one", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the limit", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JPEG, PNG, WebP or MP4 file; nothing stored", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unsupported", value = UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "Starts like one of them but its headers do not parse; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "corrupt", value = CORRUPT)))
    public Uni<Response> upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalidField("file", "attach the image or video as the form field \"file\"");
        }
        return media.upload(file.uploadedFile(), file.fileName(), caller.userId())
                .map(view -> Response.created(URI.create("/media/" + view.id())).entity(view).build());
    }

    @GET
    @Operation(operationId = "listMedia", summary = "The media library, newest first, optionally of one kind (staff)")
    @APIResponse(responseCode = "200", description = "A page of files",
            content = @Content(schema = @Schema(implementation = MediaPage.class)))
    public Uni<MediaPage> list(@Parameter(description = "Only images or only videos") @QueryParam("kind") MediaKind kind,
            @Parameter(description = "The page, from 0", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Files per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "24"))
            @QueryParam("size") @DefaultValue("24") int size) {
        return media.list(kind, PageDto.Request.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMedia", summary = "One file of the media library (staff)")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "404", description = "No such file", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<MediaView> get(@PathParam("id") long id) {
        return media.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteMedia", summary = "Delete a file; drafts it is attached to lose it (staff)")
    @APIResponse(responseCode = "204", description = "Deleted, with its bytes")
    @APIResponse(responseCode = "404", description = "No such file", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Attached to a post past its draft", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "in use", value = IN_USE)))
    public Uni<Response> delete(@PathParam("id") long id) {
        return media.delete(id).map(v -> Response.noContent().build());
    }
}
