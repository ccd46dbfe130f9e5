package id.serambi.challenge;

import id.serambi.account.Role;
import id.serambi.common.CsvExport;
import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff's review queue, results, secret codes and the reviews teens agreed to share. */
@Path("/challenges")
@Tag(name = "Reading challenges (staff)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
public class ChallengeStaffResource {

    private final ParticipationService participation;
    private final Leaderboard leaderboard;

    public ChallengeStaffResource(ParticipationService participation, Leaderboard leaderboard) {
        this.participation = participation;
        this.leaderboard = leaderboard;
    }

    @GET
    @Path("/{id}/logs")
    @WithSession
    @Operation(summary = "Reading logs of the challenge by status (default FLAGGED: the review queue)")
    @APIResponse(responseCode = "200", description = "The logs, oldest first", content = @Content(schema = @Schema(implementation = StaffDtos.StaffLog.class, type = SchemaType.ARRAY)))
    public Uni<List<StaffDtos.StaffLog>> logs(@PathParam("id") long id, @QueryParam("status") @DefaultValue("FLAGGED") LogStatus status) {
        return ChallengeService.find(id).chain(c -> Panache.getSession().chain(s -> s.createQuery(
                "select l, p.nickname from ReadingLog l, Participant p where p.id = l.participantId "
                        + "and l.challengeId = ?1 and l.status = ?2 order by l.createdAt, l.id", Object[].class)
                .setParameter(1, id).setParameter(2, status).setMaxResults(500).getResultList()))
                .map(rows -> rows.stream().map(r -> {
                    ReadingLog l = (ReadingLog) r[0];
                    return new StaffDtos.StaffLog(l.id, l.participantId, (String) r[1], l.title, l.author, l.pages,
                            l.minutes, l.readOn, l.points, l.status, l.flagReason, l.createdAt);
                }).toList());
    }

    @POST
    @Path("/{id}/logs/{logId}/approve")
    @Operation(summary = "Count a flagged log after all")
    @APIResponse(responseCode = "200", description = "The log, now VALID")
    @APIResponse(responseCode = "409", description = "The log is not flagged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipationDtos.LogView> approve(@PathParam("id") long id, @PathParam("logId") long logId) {
        return participation.review(id, logId, true).map(ParticipationDtos.LogView::of);
    }

    @POST
    @Path("/{id}/logs/{logId}/void")
    @Operation(summary = "Void a log: it stops counting, and the participant's points drop accordingly")
    @APIResponse(responseCode = "200", description = "The log, now VOIDED")
    @APIResponse(responseCode = "404", description = "No such log in this challenge", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipationDtos.LogView> voidLog(@PathParam("id") long id, @PathParam("logId") long logId) {
        return participation.review(id, logId, false).map(ParticipationDtos.LogView::of);
    }

    @GET
    @Path("/{id}/results")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @WithSession
    @Operation(summary = "Every participant's totals in rank order; Accept: text/csv for a spreadsheet")
    @APIResponse(responseCode = "200", description = "The results", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffDtos.Result.class, type = SchemaType.ARRAY)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)) })
    public Uni<Response> results(@PathParam("id") long id, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        return ChallengeService.find(id).chain(c -> Participant.<Participant>list(
                "challengeId = ?1 order by points desc, reachedAt, id", id)
                .chain(all -> leaderboard.board(id, null).map(board -> all.stream()
                        .map(p -> new StaffDtos.Result(p.hidden ? null : board.rankOf(p.id), p.nickname, p.school,
                                p.points, p.books, p.pages, p.minutes, p.hidden))
                        .toList()))
                .map(rows -> accept != null && accept.contains("text/csv")
                        ? Response.ok(csv(rows), "text/csv; charset=UTF-8")
                                .header("Content-Disposition", "attachment; filename=\"tantangan-" + id + "-hasil.csv\"").build()
                        : Response.ok(rows, MediaType.APPLICATION_JSON).build()));
    }

    private static String csv(List<StaffDtos.Result> rows) {
        return CsvExport.write(List.of("rank", "nickname", "school", "points", "books", "pages", "minutes", "hidden"),
                rows.stream().map(r -> new Object[] { r.rank(), r.nickname(), r.school(), r.points(), r.books(),
                        r.pages(), r.minutes(), r.hidden() }).toList());
    }

    @POST
    @Path("/{id}/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Create a secret code that awards points and/or a badge once per participant")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(
            name = "code for a book discussion", value = "{\"code\":\"DISKUSI-LASKAR\",\"description\":\"Dibagikan di Diskusi Buku: Laskar Pelangi\",\"points\":25,\"badge\":\"Tamu Diskusi Buku\"}")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = StaffDtos.Code.class)))
    @APIResponse(responseCode = "409", description = "The code exists already in this challenge", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createCode(@PathParam("id") long id, @Valid @NotNull StaffDtos.NewCode body) {
        int points = body.points() == null ? 0 : body.points();
        return ChallengeService.find(id).chain(c -> {
            Uni<ChallengeBadge> badge = body.badge() == null || body.badge().isBlank() ? Uni.createFrom().nullItem()
                    : ChallengeBadge.<ChallengeBadge>find("challengeId = ?1 and lower(name) = lower(?2)", id,
                            body.badge().strip()).firstResult().onItem().ifNull()
                            .failWith(() -> ProblemException.invalidField("badge", "is not a badge of this challenge"));
            return badge.chain(b -> {
                if (points == 0 && b == null) {
                    throw ProblemException.invalidField("points", "a code must give points, a badge or both");
                }
                return ChallengeCode.count("challengeId = ?1 and upper(code) = upper(?2)", id, body.code())
                        .chain(n -> {
                            if (n > 0) {
                                throw ProblemException.conflict("duplicate-code", "Code exists", "This challenge already has the code " + body.code());
                            }
                            ChallengeCode code = new ChallengeCode();
                            code.challengeId = id;
                            code.code = body.code().strip().toUpperCase(java.util.Locale.ROOT);
                            code.description = body.description();
                            code.points = points;
                            code.badgeId = b == null ? null : b.id;
                            code.validUntil = body.validUntil();
                            return code.persistAndFlush().map(v -> Response
                                    .created(URI.create("/challenges/" + id + "/codes/" + code.id))
                                    .entity(new StaffDtos.Code(code.id, code.code, code.description, code.points,
                                            b == null ? null : b.name, code.validUntil, 0)).build());
                        });
            });
        });
    }

    @GET
    @Path("/{id}/codes")
    @WithSession
    @Operation(summary = "The challenge's secret codes and how often each was redeemed")
    @APIResponse(responseCode = "200", description = "The codes", content = @Content(schema = @Schema(implementation = StaffDtos.Code.class, type = SchemaType.ARRAY)))
    public Uni<List<StaffDtos.Code>> codes(@PathParam("id") long id) {
        return ChallengeService.find(id).chain(c -> Panache.getSession().chain(s -> s.createQuery(
                "select k, (select b.name from ChallengeBadge b where b.id = k.badgeId), "
                        + "(select count(r) from CodeRedemption r where r.codeId = k.id) "
                        + "from ChallengeCode k where k.challengeId = ?1 order by k.id", Object[].class)
                .setParameter(1, id).getResultList()))
                .map(rows -> rows.stream().map(r -> {
                    ChallengeCode k = (ChallengeCode) r[0];
                    return new StaffDtos.Code(k.id, k.code, k.description, k.points, (String) r[1], k.validUntil,
                            (Long) r[2]);
                }).toList());
    }

    @GET
    @Path("/reviews")
    @WithSession
    @Operation(summary = "Reviews that teens agreed to share: candidates for 'book review' posts (nicknames only)")
    @APIResponse(responseCode = "200", description = "Newest first", content = @Content(schema = @Schema(implementation = StaffDtos.SharedReview.class, type = SchemaType.ARRAY)))
    public Uni<List<StaffDtos.SharedReview>> sharedReviews(@QueryParam("limit") @DefaultValue("50") int limit) {
        return Panache.getSession().chain(s -> s.createQuery(
                "select l, p.nickname, c.title from ReadingLog l, Participant p, Challenge c "
                        + "where p.id = l.participantId and c.id = l.challengeId and l.shareReview = true "
                        + "and l.review is not null and l.status <> ?1 order by l.createdAt desc, l.id desc", Object[].class)
                .setParameter(1, LogStatus.VOIDED).setMaxResults(Math.max(1, Math.min(200, limit))).getResultList())
                .map(rows -> rows.stream().map(r -> {
                    ReadingLog l = (ReadingLog) r[0];
                    return new StaffDtos.SharedReview(l.id, l.challengeId, (String) r[2], (String) r[1], l.title,
                            l.author, l.review, l.readOn);
                }).toList());
    }
}
