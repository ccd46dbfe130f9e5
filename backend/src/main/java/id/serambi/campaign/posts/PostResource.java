package id.serambi.campaign.posts;

import id.serambi.social.SocialPlatform;
import id.serambi.common.QueryParameters;
import id.serambi.account.Role;
import id.serambi.campaign.posts.PostDtos.Note;
import id.serambi.campaign.posts.PostDtos.PostFilter;
import id.serambi.campaign.posts.PostDtos.PostPage;
import id.serambi.campaign.posts.PostDtos.PostRequest;
import id.serambi.campaign.posts.PostDtos.PostView;
import id.serambi.campaign.posts.PostDtos.PublishRequest;
import id.serambi.campaign.posts.PostDtos.TransitionView;
import id.serambi.common.Caller;
import id.serambi.common.IfMatch;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import id.serambi.common.SerambiConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Posts, one variant per platform, and the review workflow. Optimistic versioning: every post carries a
 * {@code version} (also its ETag); PUT must send it back as {@code If-Match: "<version>"}. A stale one is a 412, a
 * missing one a 428.
 */
@Path("/posts")
@Tag(name = "Posts", description = "Social-media posts with per-platform variants, review workflow and audit trail")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    static final String EXAMPLE = """
            {"contentType":"EDUCATIONAL_TIP","body":"Sebelum membagikan berita, cek sumbernya, tanggalnya dan bandingkan dengan media lain.",
             "hashtags":["WaspadaHoaks","LiterasiDigital"],"mediaUrl":"https://serambi.id/media/cek-fakta.png","campaignId":1,
             "variants":[{"platform":"INSTAGRAM","text":"Waspada hoaks! 🔍 Cek sumber, cek tanggal, bandingkan. #WaspadaHoaks","scheduledAt":"2026-11-05T11:00:00Z"},
                         {"platform":"X","text":"Cek dulu sebelum berbagi 🔍 https://serambi.id/hoaks #WaspadaHoaks","scheduledAt":"2026-11-05T12:00:00Z"}]}""";
    static final String TOO_LONG = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,"detail":"variants[1].text: X allows 280 characters; this has 301",
             "instance":"/api/posts","errors":[{"field":"variants[1].text","message":"X allows 280 characters; this has 301"}]}""";
    static final String STALE = """
            {"type":"https://serambi.id/problems/stale-version","title":"Changed by someone else","status":412,
             "detail":"Post 12 is at version 4 but you edited version 3; reload it and apply your changes again","instance":"/api/posts/12"}""";
    static final String ILLEGAL = """
            {"type":"https://serambi.id/problems/illegal-transition","title":"Transition not allowed","status":409,
             "detail":"Cannot publish a post that is DRAFT; only from APPROVED or SCHEDULED","instance":"/api/posts/12/publish"}""";
    static final String MEDIA_RULES = """
            {"type":"https://serambi.id/problems/media-rules","title":"Media do not meet the platforms' rules","status":422,
             "detail":"Instagram memerlukan setidaknya satu gambar atau video.","instance":"/api/posts/12/submit",
             "errors":[{"field":"variants[0].media","message":"Instagram memerlukan setidaknya satu gambar atau video."}]}""";
    static final String EARLY = """
            {"type":"https://serambi.id/problems/published-before-schedule","title":"Published before its scheduled time","status":409,
             "detail":"Instagram is scheduled for 2026-12-07T11:00:00Z; it cannot be marked published before then (2026-12-03T02:00:00Z). Move its scheduled time first to post it earlier",
             "instance":"/api/posts/12/publish","errors":[{"field":"variants[0].publishedAt","message":"Instagram is scheduled for 2026-12-07T11:00:00Z; it cannot be marked published before then (2026-12-03T02:00:00Z). Move its scheduled time first to post it earlier"}]}""";
    static final String OWN = """
            {"type":"https://serambi.id/problems/own-post","title":"Cannot approve your own post","status":403,
             "detail":"Post 12 was written by you; another reviewer must approve it","instance":"/api/posts/12/approve"}""";
    static final String OWN_EDIT = """
            {"type":"https://serambi.id/problems/own-post","title":"Cannot approve a post whose text you changed","status":403,
             "detail":"You changed the text of post 12 (history entry 31, 2026-11-03T02:15:00Z); another reviewer, who did not write or edit it, must approve it",
             "instance":"/api/posts/12/approve"}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Post 12 does not exist","instance":"/api/posts/12"}""";
    static final String PUBLISH = """
            {"variants":[{"platform":"INSTAGRAM","publishedUrl":"https://www.instagram.com/p/C0ntoh123/"},
                         {"platform":"X","publishedUrl":"https://x.com/perpuskotabjb/status/1850000000000000000"}]}""";

    private final PostService posts;
    private final Caller.Resolver caller;
    private final ZoneId zone;

    public PostResource(PostService posts, Caller.Resolver caller, SerambiConfig config) {
        this.posts = posts;
        this.caller = caller;
        this.zone = config.library().timeZone();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "createPost", summary = "Draft a post with one variant per platform (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "waspada hoaks", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created as a DRAFT", headers = @Header(name = "ETag", description = "The version, for If-Match"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, an over-long variant or a platform twice", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too long", value = TOO_LONG)))
    public Uni<Response> create(@Valid @NotNull PostRequest body) {
        return posts.create(body, userId()).map(p -> Response.created(URI.create("/posts/" + p.id()))
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(p.version()))).entity(p).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "replacePost", summary = "Replace a post's content and variants (staff); needs If-Match with its version. Editing the "
            + "content of a post in review, approved or scheduled sends it back to DRAFT")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "The post's ETag, e.g. \"3\"")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "waspada hoaks", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too long", value = TOO_LONG)))
    @APIResponse(responseCode = "404", description = "No such post", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Already published")
    @APIResponse(responseCode = "412", description = "Stale If-Match: someone saved first; the answer carries the current ETag",
            headers = @Header(name = "ETag", description = "The current version"), content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PostRequest body) {
        int version = IfMatch.version(ifMatch);
        return posts.update(id, version, body, userId()).map(PostResource::ok);
    }

    @GET
    @RolesAllowed({ Role.STAFF_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "listPosts", summary = "Posts, newest first, filtered by campaign, status (IN_REVIEW is the review queue), platform "
            + "(posts with a variant for it) and by the WITA dates their variants are scheduled or published")
    @APIResponse(responseCode = "200", description = "A page of posts", content = @Content(schema = @Schema(implementation = PostPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<PostPage> list(
            @Parameter(description = "Only the campaign's posts", schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
            @QueryParam("campaignId") String campaignId,
            @Parameter(description = "Only posts in this state (IN_REVIEW is the review queue)",
                    schema = @Schema(implementation = PostStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only posts with a variant for this platform",
                    schema = @Schema(implementation = SocialPlatform.class)) @QueryParam("platform") String platform,
            @Parameter(description = "First day (WITA), e.g. 2026-11-01", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "Last day (WITA), inclusive; at most 3660 days after from",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "The page, from 0", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Posts per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20") int size) {
        QueryParameters query = new QueryParameters();
        LocalDate fromDate = query.date("from", from);
        LocalDate toDate = query.date("to", to);
        query.period(fromDate, toDate, 3660);
        PostFilter filter = new PostFilter(query.id("campaignId", campaignId),
                query.enumValue("status", status, PostStatus.class),
                query.enumValue("platform", platform, SocialPlatform.class),
                fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant());
        query.check();
        PageDto.Request request = PageDto.Request.of(page, size);
        return posts.list(filter, request.page(), request.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Role.STAFF_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getPost", summary = "One post with its variants and their latest metrics; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The post", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "404", description = "No such post", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> get(@PathParam("id") long id) {
        return posts.get(id).map(PostResource::ok);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Role.STAFF_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "getPostHistory", summary = "The post's audit trail: every transition, who made it, when, and the note")
    @APIResponse(responseCode = "200", description = "Oldest first", content = @Content(schema = @Schema(implementation = TransitionView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such post", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<List<TransitionView>> history(@PathParam("id") long id) {
        return posts.history(id);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "submitPost", summary = "Send a draft for review: DRAFT → IN_REVIEW (staff)")
    @APIResponse(responseCode = "200", description = "In review", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    @APIResponse(responseCode = "422", description = "The attached media break a variant's platform rules (per variant, "
            + "on variants[i].media, in Bahasa Indonesia); nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "instagram without media", value = MEDIA_RULES)))
    public Uni<Response> submit(@PathParam("id") long id) {
        return posts.submit(id, userId()).map(PostResource::ok);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.REVIEWER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "approvePost", summary = "Approve after fact-checking: IN_REVIEW → APPROVED (reviewer or admin, never the author nor "
            + "anyone who changed the text: the history marks their edits with textChanged)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "note", value = "{\"note\":\"Data Kominfo 2025 sudah dicek; tautan sumber benar.\"}")))
    @APIResponse(responseCode = "200", description = "Approved; the reviewer and note are recorded", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "403", description = "Your own post, a post whose text you changed, or not a reviewer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "own post", value = OWN), @ExampleObject(name = "text you changed", value = OWN_EDIT) }))
    @APIResponse(responseCode = "409", description = "Not in review", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    @APIResponse(responseCode = "422", description = "The attached media break a variant's platform rules (per variant, "
            + "on variants[i].media, in Bahasa Indonesia); nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "instagram without media", value = MEDIA_RULES)))
    public Uni<Response> approve(@PathParam("id") long id, @Valid @NotNull Note body) {
        return posts.approve(id, userId(), body.note()).map(PostResource::ok);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.REVIEWER_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "rejectPost", summary = "Send back to the author with a note: IN_REVIEW → DRAFT (reviewer or admin)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "note", value = "{\"note\":\"Sumber data belum dicantumkan.\"}")))
    @APIResponse(responseCode = "200", description = "Back to draft", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "Not in review", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    public Uni<Response> reject(@PathParam("id") long id, @Valid @NotNull Note body) {
        return posts.reject(id, userId(), body.note()).map(PostResource::ok);
    }

    @POST
    @Path("/{id}/schedule")
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "schedulePost", summary = "Schedule an approved post: APPROVED → SCHEDULED; every variant needs scheduledAt (staff)")
    @APIResponse(responseCode = "200", description = "Scheduled", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "Not approved, or a variant without a time", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    @APIResponse(responseCode = "422", description = "The attached media break a variant's platform rules (per variant, "
            + "on variants[i].media, in Bahasa Indonesia); nothing changes", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "instagram without media", value = MEDIA_RULES)))
    public Uni<Response> schedule(@PathParam("id") long id) {
        return posts.schedule(id, userId()).map(PostResource::ok);
    }

    @POST
    @Path("/{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
    @Operation(operationId = "publishPost", summary = "Record that the post went out, with each variant's URL: APPROVED or "
            + "SCHEDULED → PUBLISHED (staff)", description = "Records posts put up by hand. The body names every variant of the "
            + "post exactly once (400 otherwise), each with the URL where it went out (each its own) and, optionally, "
            + "when (now if omitted). A variant Serambi already published itself keeps its permalink and time. Only "
            + "an APPROVED or SCHEDULED post can be published (409 otherwise), a URL another post already has is "
            + "a 409, and so is a variant marked published before its scheduled time (move the time first). The post turns PUBLISHED and its version goes up (the new ETag). Variants the publishing job "
            + "sends out need no call: the post turns PUBLISHED when the last of them is out.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "instagram and x", value = PUBLISH)))
    @APIResponse(responseCode = "200", description = "Published", headers = @Header(name = "ETag"), content = @Content(schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "400", description = "A platform missing or unknown", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not approved (e.g. a draft), a URL already recorded, or a variant "
            + "marked published before its scheduled time (published-before-schedule, on variants[i].publishedAt)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "illegal", value = ILLEGAL), @ExampleObject(name = "before its time", value = EARLY) }))
    public Uni<Response> publish(@PathParam("id") long id, @Valid @NotNull PublishRequest body) {
        return posts.publish(id, userId(), body).map(PostResource::ok);
    }

    static Response ok(PostView p) {
        return Response.ok(p).tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(p.version()))).build();
    }

    private long userId() {
        return caller.userId();
    }
}
