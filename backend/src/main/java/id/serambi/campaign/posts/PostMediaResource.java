package id.serambi.campaign.posts;

import id.serambi.account.Role;
import id.serambi.campaign.posts.PostDtos.MediaCheck;
import id.serambi.campaign.posts.PostDtos.MediaCheckRequest;
import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platforms' media rules, checked while a post is being written (the same check as on submit). */
@Path("/posts/media-check")
@Tag(name = "Posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostMediaResource {

    private final PostService posts;

    public PostMediaResource(PostService posts) {
        this.posts = posts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "checkPostMedia", summary = "Check files of the media library against platforms' rules (staff)",
            description = "The same check as on submit, for files not yet saved on a post: the editor shows it live.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "instagram without media",
            value = "{\"mediaIds\":[],\"platforms\":[\"INSTAGRAM\",\"X\"]}")))
    @APIResponse(responseCode = "200", description = "Each platform's problems (empty when the files may go out)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MediaCheck.class),
                    examples = @ExampleObject(name = "instagram without media", value = """
                            [{"platform":"INSTAGRAM","problems":["Instagram memerlukan setidaknya satu gambar atau video."]},
                             {"platform":"X","problems":[]}]""")))
    @APIResponse(responseCode = "400", description = "An unknown file", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<List<MediaCheck>> check(@Valid @NotNull MediaCheckRequest request) {
        return posts.mediaCheck(request);
    }
}
