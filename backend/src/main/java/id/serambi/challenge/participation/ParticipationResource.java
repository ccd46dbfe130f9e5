package id.serambi.challenge.participation;

import id.serambi.account.Role;
import id.serambi.common.Caller;
import id.serambi.common.Problem;
import id.serambi.common.RateLimits;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/** A member's own part in a challenge. Every path acts on the caller's participation only. */
@Path("/challenges/{id}")
@Tag(name = "Reading challenges")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.MEMBER_NAME, Role.STAFF_NAME, Role.REVIEWER_NAME, Role.ADMIN_NAME })
public class ParticipationResource {

    private final ParticipationService participation;
    private final ProgressService progress;
    private final Caller.Resolver callers;
    private final RateLimits limits;

    public ParticipationResource(ParticipationService participation, ProgressService progress, Caller.Resolver callers,
            RateLimits limits) {
        this.participation = participation;
        this.progress = progress;
        this.callers = callers;
        this.limits = limits;
    }

    private long me() {
        return callers.userId();
    }

    @POST
    @Path("/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "joinChallenge", summary = "Join the challenge under a nickname",
            description = "Joins the caller to a published, running challenge. The nickname is what the public "
                    + "leaderboard shows instead of the member's name: 3 to 30 letters or digits (any script), spaces, "
                    + "'.', '_' and '-'; it must not be the member's name or contain the start of their e-mail, must "
                    + "hold no phone number, e-mail, link, birth year or age (400 naming `nickname`), and must be "
                    + "unique in the challenge (409 duplicate-nickname). A school, when given, must be one of the "
                    + "challenge's schools. A TEENS challenge takes members aged 12 to 19 and a CHILDREN one members up "
                    + "to 13 (403). A member under 13 takes part only once a parent or guardian confirmed the e-mail "
                    + "sent at sign-up (403 guardian-consent-required). Joining twice is a 409 already-joined. The "
                    + "Location names the caller's progress in the challenge. `ref`, optional, is the code of the "
                    + "tracked link that brought the member (issue 22: the `?ref=` of the challenge page; 10 characters "
                    + "of 23456789abcdefghjkmnpqrstuvwxyz, else 400 naming `ref`); the participation keeps only that "
                    + "code, for the funnel, and erasing the account removes it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "join", value = "{\"nickname\":\"KutuBuku88\",\"school\":\"SMP Negeri 1 Banjarbaru\"}")))
    @APIResponse(responseCode = "201", description = "Joined", content = @Content(schema = @Schema(implementation = ParticipationDtos.Joined.class)))
    @APIResponse(responseCode = "403", description = "Not for your age group, or an under-13 without a guardian's consent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields: a nickname breaking the rules, or a school that is not the challenge's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Nickname taken, already joined, or the challenge is not open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "nickname taken", value = "{\"type\":\"https://serambi.id/problems/duplicate-nickname\",\"title\":\"Nickname taken\",\"status\":409,\"detail\":\"Another participant of this challenge already uses this nickname\"}")))
    public Uni<Response> join(@PathParam("id") long id, @Valid @NotNull ParticipationDtos.Join body) {
        return participation.join(id, me(), body).map(joined -> Response.created(URI.create("/challenges/" + id + "/me"))
                .entity(joined).build());
    }

    @POST
    @Path("/logs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "logReading", summary = "Log reading; the server computes the points",
            description = "Records reading for the caller's participation; the server computes the points from the "
                    + "challenge's rules (points per finished book, page and minute), whatever the client shows. Give "
                    + "pages, minutes or both; the day must lie within the challenge and not in the future. Hard limits "
                    + "refuse the log with 409 daily-cap-exceeded: the challenge's caps of books, pages and minutes per "
                    + "day (this log plus the day's others), and 1,440 minutes in a day. Above the plausibility "
                    + "thresholds (flagPagesPerDay, flagMinutesPerDay) the log is kept but FLAGGED for staff review, "
                    + "with its reason, and counts 0 points until staff approve it. A review is shared with staff only "
                    + "with shareReview. A member under 13 logs only once a guardian confirmed (403 "
                    + "guardian-consent-required). Logs are rate-limited per member (429 with Retry-After). The "
                    + "Location names the new log (getReadingLog).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a book", value = "{\"title\":\"Laskar Pelangi\",\"author\":\"Andrea Hirata\",\"pages\":120,\"minutes\":90,\"readOn\":\"2026-12-03\",\"review\":\"Ceritanya menyentuh.\",\"shareReview\":true}")))
    @APIResponse(responseCode = "201", description = "Logged: the points awarded (0 while flagged for staff review)", content = @Content(schema = @Schema(implementation = ParticipationDtos.Logged.class)))
    @APIResponse(responseCode = "403", description = "An under-13 without a guardian's consent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (a date outside the challenge or in the future, neither pages nor minutes)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such challenge, or I have not joined it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Over a daily limit, or the challenge is not open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many reading logs from this member",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> log(@PathParam("id") long id, @Valid @NotNull ParticipationDtos.Log body) {
        limits.check(RateLimits.Action.READING_LOG, String.valueOf(me()));
        return participation.log(id, me(), body).map(logged -> Response
                .created(URI.create("/challenges/" + id + "/logs/" + logged.log().id())).entity(logged).build());
    }

    @GET
    @Path("/logs/mine")
    @Operation(operationId = "listMyReadingLogs", summary = "My reading logs in this challenge, newest first")
    @APIResponse(responseCode = "200", description = "My logs", content = @Content(schema = @Schema(implementation = ParticipationDtos.LogView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "I have not joined", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<ParticipationDtos.LogView>> myLogs(@PathParam("id") long id) {
        return participation.myLogs(id, me());
    }

    @GET
    @Path("/logs/{logId}")
    @Operation(operationId = "getReadingLog", summary = "One reading log: my own, or any of the challenge's for staff",
            description = "Where the Location of a new log points. A member reads only their own logs; someone "
                    + "else's is a 404, as is a log of another challenge. Staff and admins read any log of the challenge.")
    @APIResponse(responseCode = "200", description = "The log", content = @Content(schema = @Schema(implementation = ParticipationDtos.LogView.class)))
    @APIResponse(responseCode = "404", description = "No such log of mine in this challenge", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipationDtos.LogView> getLog(@PathParam("id") long id, @PathParam("logId") long logId) {
        return callers.current().chain(caller -> participation.getLog(id, logId, me(), caller.isStaff()));
    }

    @PUT
    @Path("/logs/{logId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateReadingLog", summary = "Change one of my logs; points are computed again",
            description = "The same rules as logReading: the points are computed again, the daily caps apply (409) and "
                    + "the log may become FLAGGED (or VALID again). A log staff voided cannot be changed (409 log-voided).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "more pages", value = "{\"title\":\"Laskar Pelangi\",\"author\":\"Andrea Hirata\",\"pages\":150,\"readOn\":\"2026-12-03\"}")))
    @APIResponse(responseCode = "200", description = "The log", content = @Content(schema = @Schema(implementation = ParticipationDtos.LogView.class)))
    @APIResponse(responseCode = "403", description = "An under-13 without a guardian's consent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not one of my logs", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Over a daily limit, or the log was voided by staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipationDtos.LogView> edit(@PathParam("id") long id, @PathParam("logId") long logId,
            @Valid @NotNull ParticipationDtos.Log body) {
        return participation.editLog(id, me(), logId, body);
    }

    @DELETE
    @Path("/logs/{logId}")
    @Operation(operationId = "deleteReadingLog", summary = "Delete one of my logs; my points drop accordingly")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "Not one of my logs", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@PathParam("id") long id, @PathParam("logId") long logId) {
        return participation.deleteLog(id, me(), logId).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMyChallengeProgress", summary = "My progress: totals, goal, badges and rank")
    @APIResponse(responseCode = "200", description = "My progress", content = @Content(schema = @Schema(implementation = ParticipationDtos.Progress.class)))
    @APIResponse(responseCode = "404", description = "I have not joined", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipationDtos.Progress> progress(@PathParam("id") long id) {
        return progress.of(id, me());
    }

    @PUT
    @Path("/me/visibility")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setLeaderboardVisibility", summary = "Hide me from (or show me on) the public leaderboard")
    @APIResponse(responseCode = "404", description = "I have not joined", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hide", value = "{\"hidden\":true}")))
    @APIResponse(responseCode = "200", description = "My progress", content = @Content(schema = @Schema(implementation = ParticipationDtos.Progress.class)))
    public Uni<ParticipationDtos.Progress> visibility(@PathParam("id") long id, @Valid @NotNull ParticipationDtos.Visibility body) {
        return participation.setHidden(id, me(), body.hidden()).chain(() -> progress.of(id, me()));
    }

    @POST
    @Path("/codes/redeem")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "redeemChallengeCode", summary = "Redeem a secret code (for example one given out at an event)",
            description = "Adds the code's points and/or badge to the caller's participation, once per participant "
                    + "(409 code-already-redeemed the second time). A code unknown to this challenge, or past its "
                    + "validUntil, is a 400 naming `code`. The caller must have joined (404 otherwise); a member under "
                    + "13 redeems only once a guardian confirmed (403 guardian-consent-required). The answer is the "
                    + "caller's progress afterwards, its points computed by the server.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "code", value = "{\"code\":\"DISKUSI-LASKAR\"}")))
    @APIResponse(responseCode = "200", description = "My progress afterwards", content = @Content(schema = @Schema(implementation = ParticipationDtos.Progress.class)))
    @APIResponse(responseCode = "403", description = "An under-13 without a guardian's consent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Unknown or expired code", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "I have not joined", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already redeemed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipationDtos.Progress> redeem(@PathParam("id") long id, @Valid @NotNull ParticipationDtos.Redeem body) {
        return participation.redeem(id, me(), body.code()).chain(() -> progress.of(id, me()));
    }
}
