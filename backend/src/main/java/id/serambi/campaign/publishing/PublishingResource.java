package id.serambi.campaign.publishing;

import id.serambi.account.Role;
import id.serambi.campaign.posts.PostDtos.PostView;
import id.serambi.common.Caller;
import id.serambi.common.Problem;
import id.serambi.common.QueryParameters;
import id.serambi.social.SocialPlatform;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What staff do about a variant that did not go out by itself: send it again now, or record that it is out (posted by
 * hand, or found up on the platform after a cut-off attempt). Both act on the variant's delivery state, which is their
 * precondition (a 409 when it moved on), like the workflow actions; neither edits the post's content, so neither takes
 * If-Match. Marking the last variant published turns the post PUBLISHED and bumps its version (the new ETag).
 */
@Path("/posts/{id}/variants/{platform}")
@Tag(name = "Posts")
@Produces(MediaType.APPLICATION_JSON)
public class PublishingResource {

    static final String ILLEGAL = """
            {"type":"https://serambi.id/problems/illegal-delivery-action","title":"Not possible now","status":409,
             "detail":"Cannot retry the Facebook variant of post 12 while it is PUBLISHED (post PUBLISHED); only a scheduled post's variant that is CHECK_NEEDED, FAILED, MISSED or MANUAL_DUE",
             "instance":"/api/posts/12/variants/FACEBOOK/retry"}""";
    static final String BAD_URL = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,"detail":"url: must be an http(s) URL",
             "instance":"/api/posts/12/variants/FACEBOOK/published","errors":[{"field":"url","message":"must be an http(s) URL"}]}""";

    @Schema(name = "MarkPublishedRequest")
    public record MarkPublishedRequest(
            @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
            @Schema(description = "Where the variant went out", examples = "https://www.facebook.com/perpuskotabjb/posts/123")
            String url) {
    }

    private final PublishingService publishing;
    private final Caller.Resolver caller;

    public PublishingResource(PublishingService publishing, Caller.Resolver caller) {
        this.publishing = publishing;
        this.caller = caller;
    }

    @POST
    @Path("/retry")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "retryVariant", summary = "Send a variant that is CHECK_NEEDED, FAILED, MISSED or MANUAL_DUE "
            + "to its platform now: it is SCHEDULED for now and the publishing job takes it within seconds (staff). "
            + "For CHECK_NEEDED, check the platform first: it may already be up")
    @APIResponse(responseCode = "200", description = "Scheduled again", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Not a platform", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such post, or no variant for that platform",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The variant is not in a state to retry", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "published", value = ILLEGAL)))
    public Uni<Response> retry(@PathParam("id") long id,
            @Parameter(description = "The variant's platform", schema = @Schema(implementation = SocialPlatform.class))
            @PathParam("platform") String platform) {
        return publishing.retry(id, platform(platform)).map(PublishingResource::ok);
    }

    @POST
    @Path("/published")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "markVariantPublished", summary = "Record that a variant that is CHECK_NEEDED, FAILED, "
            + "MISSED or MANUAL_DUE is out, at its URL; the post turns PUBLISHED when all its variants are (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "facebook",
            value = "{\"url\":\"https://www.facebook.com/perpuskotabjb/posts/123\"}")))
    @APIResponse(responseCode = "200", description = "Published", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Not a platform, or not an http(s) URL", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "bad url", value = BAD_URL)))
    @APIResponse(responseCode = "404", description = "No such post, or no variant for that platform",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The variant is not in a state to mark, or another post has that URL",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "published", value = ILLEGAL)))
    public Uni<Response> published(@PathParam("id") long id,
            @Parameter(description = "The variant's platform", schema = @Schema(implementation = SocialPlatform.class))
            @PathParam("platform") String platform,
            @Valid @NotNull MarkPublishedRequest body) {
        return publishing.markPublished(id, platform(platform), body.url(), caller.userId()).map(PublishingResource::ok);
    }

    private static SocialPlatform platform(String value) {
        QueryParameters query = new QueryParameters();
        SocialPlatform platform = query.enumValue("platform", value, SocialPlatform.class);
        query.check();
        return platform;
    }

    private static Response ok(PostView p) {
        return Response.ok(p).tag(new EntityTag(String.valueOf(p.version()))).build();
    }
}
