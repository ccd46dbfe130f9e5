package id.serambi.challenge.leaderboard;

import id.serambi.common.Caller;
import id.serambi.common.Problem;
import id.serambi.common.ProblemResponses;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/** Public leaderboards, by nickname only, served from the live in-memory board. */
@Path("/challenges/{id}/leaderboard")
@Tag(name = "Leaderboards", description = "Public, live, and safe for minors: nicknames, points and schools only")
@SecurityRequirements
public class LeaderboardResource {

    private static final String LIMIT = "How many of the top to show, 1 to 100 (a value outside is clamped); not a number is a 400";
    private static final String SCHOOL = "A school of the challenge, for that school's board; none for the whole challenge's";

    private final LeaderboardService leaderboard;
    private final LeaderboardStreams streams;
    private final Caller.Resolver callers;
    private final Duration heartbeat;

    public LeaderboardResource(LeaderboardService leaderboard, LeaderboardStreams streams, Caller.Resolver callers,
            id.serambi.common.SerambiConfig config) {
        this.leaderboard = leaderboard;
        this.streams = streams;
        this.callers = callers;
        this.heartbeat = config.leaderboard().heartbeat();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLeaderboard", summary = "Top N (1..100) and, with a token, my rank and neighbours; ?school= for a school's board",
            description = "Public and safe for minors: nicknames, points and schools only. Hidden participants are not on "
                    + "it. With a bearer token of a participant, `me` holds their place (rank null while hidden) and the "
                    + "entries around it; otherwise `me` is null.")
    @APIResponse(responseCode = "200", description = "The board", content = @Content(schema = @Schema(implementation = LeaderboardDto.class)))
    @APIResponse(responseCode = "404", description = "No such challenge (or a draft)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LeaderboardDto> board(@PathParam("id") long id, @Parameter(description = LIMIT, schema = @Schema(
            type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "10"))
            @QueryParam("limit") @DefaultValue("10") int limit,
            @Parameter(description = SCHOOL, examples = @ExampleObject(name = "school", value = "SMP Negeri 1 Banjarbaru"))
            @QueryParam("school") String school) {
        int top = Math.max(1, Math.min(100, limit));
        String which = school == null || school.isBlank() ? null : school.strip();
        return callers.current().chain(caller -> leaderboard.board(id, top, which, caller));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamLeaderboard", summary = "The board now and after every change, as Server-Sent Events",
            description = "A text/event-stream of `board` events, each one's data a Leaderboard JSON object (the top "
                    + "`limit` of the board; `me` is always null, as the stream is the same for everyone): the board at "
                    + "once, then after every change, at most one every 200 ms. A comment line every 15 s "
                    + "(SERAMBI_LEADERBOARD_HEARTBEAT) keeps proxies open. A draft or missing challenge is a 404 "
                    + "problem before the stream starts.")
    @APIResponse(responseCode = "200", description = "An endless stream of `board` events whose data is a Leaderboard",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LeaderboardDto.class)))
    @APIResponse(responseCode = "404", description = "No such challenge (or a draft)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@PathParam("id") long id, @Parameter(description = LIMIT, schema = @Schema(
            type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "10"))
            @QueryParam("limit") @DefaultValue("10") int limit,
            @Parameter(description = SCHOOL) @QueryParam("school") String school, @Context Sse sse) {
        int top = Math.max(1, Math.min(100, limit));
        String which = school == null || school.isBlank() ? null : school.strip();
        Multi<OutboundSseEvent> boards = streams.follow(id, which, top)
                .map(json -> sse.newEventBuilder().name("board").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(json).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // A missing or draft challenge was already answered 404 by checkStream below.
        return Multi.createBy().merging().streams(boards, heartbeats);
    }

    /**
     * An SSE response is committed (200) as soon as the stream starts, so the challenge is checked first, here: a
     * draft or missing challenge gets a proper 404 problem instead of an empty stream.
     */
    @ServerRequestFilter
    public Uni<Response> checkStream(SimpleResourceInfo resource, UriInfo uri, HttpServerRequest request) {
        if (resource.getResourceClass() != LeaderboardResource.class || !resource.getMethodName().equals("stream")) {
            return Uni.createFrom().nullItem();
        }
        return ProblemResponses.beforeStream(uri, request, leaderboard::visible);
    }
}
