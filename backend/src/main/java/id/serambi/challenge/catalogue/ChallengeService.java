package id.serambi.challenge.catalogue;

import id.serambi.common.IfMatch;
import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Staff's side of challenges: create, change, publish; and the public catalogue. */
@ApplicationScoped
public class ChallengeService {

    private final ChallengeRepository challenges;
    private final ChallengeSurveys surveys;

    public ChallengeService(ChallengeRepository challenges, ChallengeSurveys surveys) {
        this.challenges = challenges;
        this.surveys = surveys;
    }

    @WithTransaction
    public Uni<ChallengeDto> create(ChallengeRequest request, long staffId) {
        validate(request);
        Challenge c = new Challenge();
        c.createdBy = staffId;
        apply(c, request);
        return surveys.check(request, null, null).chain(() -> challenges.create(c))
                .chain(() -> replaceBadges(c.id, request.badges()))
                .map(badges -> ChallengeDto.of(c, badges, 0));
    }

    /**
     * Replaces the challenge's settings if it is still at the version the client edited (its If-Match). The row is
     * locked before the check, so two editors of one version cannot both win; every update moves the version on.
     */
    @WithTransaction
    public Uni<ChallengeDto> update(long id, int version, ChallengeRequest request) {
        validate(request);
        return challenges.existingForUpdate(id).chain(c -> {
            IfMatch.check("Challenge", id, c.version, version);
            Long pre = c.preSurveyId;
            Long post = c.postSurveyId;
            apply(c, request);
            c.updatedAt = Instant.now(); // the row always changes, so the version moves on even when only badges did
            return surveys.check(request, pre, post).chain(() -> replaceBadges(c.id, request.badges()))
                    .chain(badges -> challenges.participants(id).map(n -> ChallengeDto.of(c, badges, n)));
        });
    }

    @WithTransaction
    public Uni<ChallengeDto> publish(long id) {
        return challenges.existing(id).chain(c -> {
            if (c.status == ChallengeStatus.CLOSED) {
                throw ProblemException.conflict("challenge-closed", "Challenge closed", "A closed challenge cannot be published again");
            }
            c.status = ChallengeStatus.PUBLISHED;
            return flushedView(c);
        });
    }

    @WithTransaction
    public Uni<ChallengeDto> close(long id) {
        return challenges.existing(id).chain(c -> {
            c.status = ChallengeStatus.CLOSED;
            return flushedView(c);
        });
    }

    /** Published and closed challenges for everyone; staff also see drafts. */
    @WithSession
    public Uni<List<ChallengeDto>> list(boolean staff) {
        Uni<List<Challenge>> found = staff ? challenges.listAll()
                : challenges.listByStatus(List.of(ChallengeStatus.PUBLISHED, ChallengeStatus.CLOSED));
        return found.chain(list -> {
            List<Long> ids = list.stream().map(c -> c.id).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<ChallengeDto>of());
            }
            return challenges.badgesOf(ids).chain(badgesBy -> challenges.participantsOf(ids)
                    .map(counts -> list.stream().map(c -> ChallengeDto.of(c, badgesBy.getOrDefault(c.id, List.of()),
                            counts.getOrDefault(c.id, 0L))).toList()));
        });
    }

    /** One challenge; a draft is "not found" for anyone but staff. */
    @WithSession
    public Uni<ChallengeDto> get(long id, boolean staff) {
        return challenges.existing(id).chain(c -> {
            if (c.status == ChallengeStatus.DRAFT && !staff) {
                return Uni.createFrom().failure(ProblemException.notFound("Challenge", id));
            }
            return view(c);
        });
    }

    /** Completes when the challenge exists and is no draft (it can be seen by anyone); a 404 problem otherwise. */
    @WithSession
    public Uni<Void> checkPublic(long id) {
        return challenges.existing(id).invoke(c -> {
            if (c.status == ChallengeStatus.DRAFT) {
                throw ProblemException.notFound("Challenge", id);
            }
        }).replaceWithVoid();
    }

    /** Completes when the challenge exists; a 404 problem otherwise. */
    @WithSession
    public Uni<Void> checkExists(long id) {
        return challenges.existing(id).replaceWithVoid();
    }

    /** Whether a challenge of this title exists (the demo data's idempotence). */
    @WithSession
    public Uni<Boolean> existsWithTitle(String title) {
        return challenges.existsWithTitle(title);
    }

    private Uni<ChallengeDto> view(Challenge c) {
        return challenges.badges(c.id)
                .chain(badges -> challenges.participants(c.id).map(n -> ChallengeDto.of(c, badges, n)));
    }

    /** The view after the change was written, so it carries the new version. */
    private Uni<ChallengeDto> flushedView(Challenge c) {
        return challenges.flush().chain(() -> view(c));
    }

    private static void validate(ChallengeRequest r) {
        if (r.endsOn().isBefore(r.startsOn())) {
            throw ProblemException.invalidField("endsOn", "must not be before startsOn");
        }
        int perBook = r.pointsPerBook() == null ? 0 : r.pointsPerBook();
        int perPage = r.pointsPerPage() == null ? 0 : r.pointsPerPage();
        int perMinute = r.pointsPerMinute() == null ? 0 : r.pointsPerMinute();
        if (perBook + perPage + perMinute == 0) {
            throw ProblemException.invalidField("pointsPerBook", "at least one of pointsPerBook, pointsPerPage and pointsPerMinute must be above 0");
        }
        if (r.badges() != null) {
            Set<String> names = new HashSet<>();
            for (ChallengeRequest.BadgeRequest b : r.badges()) {
                if (!names.add(b.name().strip().toLowerCase(Locale.ROOT))) {
                    throw ProblemException.invalidField("badges", "badge names must be unique: " + b.name());
                }
            }
        }
    }

    private static void apply(Challenge c, ChallengeRequest r) {
        c.title = r.title().strip();
        c.description = r.description() == null ? "" : r.description().strip();
        c.audience = r.audience();
        c.startsOn = r.startsOn();
        c.endsOn = r.endsOn();
        c.goalType = r.goalType();
        c.goalValue = r.goalValue();
        c.pointsPerBook = r.pointsPerBook() == null ? 0 : r.pointsPerBook();
        c.pointsPerPage = r.pointsPerPage() == null ? 0 : r.pointsPerPage();
        c.pointsPerMinute = r.pointsPerMinute() == null ? 0 : r.pointsPerMinute();
        c.maxBooksPerDay = r.maxBooksPerDay();
        c.maxPagesPerDay = r.maxPagesPerDay();
        c.maxMinutesPerDay = r.maxMinutesPerDay();
        c.flagPagesPerDay = r.flagPagesPerDay() == null ? 1000 : r.flagPagesPerDay();
        c.flagMinutesPerDay = r.flagMinutesPerDay() == null ? 600 : r.flagMinutesPerDay();
        c.preSurveyId = r.preSurveyId();
        c.postSurveyId = r.postSurveyId();
        c.schools = r.schools() == null ? new String[0]
                : r.schools().stream().map(String::strip).distinct().toArray(String[]::new);
    }

    /** Keeps badges by name (so codes that award them stay linked), adds new ones, removes the rest. */
    private Uni<List<ChallengeBadge>> replaceBadges(long challengeId, List<ChallengeRequest.BadgeRequest> wanted) {
        List<ChallengeRequest.BadgeRequest> requested = wanted == null ? List.of() : wanted;
        return challenges.badges(challengeId).chain(existing -> {
            Map<String, ChallengeBadge> byName = existing.stream().collect(Collectors.toMap(
                    b -> b.name.toLowerCase(Locale.ROOT), Function.identity()));
            List<ChallengeBadge> result = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            Set<String> keep = new HashSet<>();
            for (ChallengeRequest.BadgeRequest b : requested) {
                String name = b.name().strip();
                keep.add(name.toLowerCase(Locale.ROOT));
                ChallengeBadge badge = byName.get(name.toLowerCase(Locale.ROOT));
                if (badge == null) {
                    ChallengeBadge created = new ChallengeBadge();
                    created.challengeId = challengeId;
                    created.name = name;
                    created.threshold = b.threshold();
                    result.add(created);
                    chain = chain.chain(() -> challenges.addBadge(created));
                } else {
                    badge.name = name;
                    badge.threshold = b.threshold();
                    result.add(badge);
                }
            }
            for (ChallengeBadge old : existing) {
                if (!keep.contains(old.name.toLowerCase(Locale.ROOT))) {
                    chain = chain.chain(() -> challenges.removeBadge(old));
                }
            }
            return chain.chain(challenges::flush).map(v -> {
                result.sort(java.util.Comparator.comparing((ChallengeBadge b) -> b.threshold == null ? Integer.MAX_VALUE : b.threshold));
                return result;
            });
        });
    }
}
