package id.serambi.challenge;

import id.serambi.common.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    @WithTransaction
    public Uni<ChallengeDto> create(ChallengeRequest request, long staffId) {
        validate(request);
        Challenge c = new Challenge();
        c.createdBy = staffId;
        apply(c, request);
        return c.<Challenge>persistAndFlush()
                .chain(() -> replaceBadges(c.id, request.badges()))
                .chain(badges -> Uni.createFrom().item(ChallengeDto.of(c, badges, 0)));
    }

    @WithTransaction
    public Uni<ChallengeDto> update(long id, ChallengeRequest request) {
        validate(request);
        return find(id).chain(c -> {
            apply(c, request);
            return replaceBadges(c.id, request.badges())
                    .chain(badges -> Participant.count("challengeId", id).map(n -> ChallengeDto.of(c, badges, n)));
        });
    }

    @WithTransaction
    public Uni<ChallengeDto> publish(long id) {
        return find(id).chain(c -> {
            if (c.status == ChallengeStatus.CLOSED) {
                throw ProblemException.conflict("challenge-closed", "Challenge closed", "A closed challenge cannot be published again");
            }
            c.status = ChallengeStatus.PUBLISHED;
            return view(c);
        });
    }

    @WithTransaction
    public Uni<ChallengeDto> close(long id) {
        return find(id).chain(c -> {
            c.status = ChallengeStatus.CLOSED;
            return view(c);
        });
    }

    /** Published and closed challenges for everyone; staff also see drafts. */
    @WithSession
    public Uni<List<ChallengeDto>> list(boolean staff) {
        Uni<List<Challenge>> found = staff
                ? Challenge.<Challenge>findAll(Sort.by("startsOn").and("id")).list()
                : Challenge.<Challenge>list("status in ?1", Sort.by("startsOn").and("id"),
                        List.of(ChallengeStatus.PUBLISHED, ChallengeStatus.CLOSED));
        return found.chain(challenges -> {
            List<Long> ids = challenges.stream().map(c -> c.id).toList();
            if (ids.isEmpty()) {
                return Uni.createFrom().item(List.<ChallengeDto>of());
            }
            return ChallengeBadge.<ChallengeBadge>list("challengeId in ?1", Sort.by("threshold").and("id"), ids)
                    .chain(badges -> Participant.getSession().chain(s -> s.createQuery(
                            "select p.challengeId, count(p) from Participant p where p.challengeId in ?1 group by p.challengeId",
                            Object[].class).setParameter(1, ids).getResultList())
                            .map(counts -> {
                                Map<Long, Long> byChallenge = counts.stream().collect(
                                        Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
                                Map<Long, List<ChallengeBadge>> badgesBy = badges.stream()
                                        .collect(Collectors.groupingBy(b -> b.challengeId));
                                return challenges.stream().map(c -> ChallengeDto.of(c,
                                        badgesBy.getOrDefault(c.id, List.of()), byChallenge.getOrDefault(c.id, 0L)))
                                        .toList();
                            }));
        });
    }

    /** One challenge; a draft is "not found" for anyone but staff. */
    @WithSession
    public Uni<ChallengeDto> get(long id, boolean staff) {
        return find(id).chain(c -> {
            if (c.status == ChallengeStatus.DRAFT && !staff) {
                return Uni.createFrom().failure(ProblemException.notFound("Challenge", id));
            }
            return view(c);
        });
    }

    static Uni<Challenge> find(long id) {
        return Challenge.<Challenge>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Challenge", id));
    }

    private static Uni<ChallengeDto> view(Challenge c) {
        return ChallengeBadge.<ChallengeBadge>list("challengeId", Sort.by("threshold").and("id"), c.id)
                .chain(badges -> Participant.count("challengeId", c.id).map(n -> ChallengeDto.of(c, badges, n)));
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
        c.schools = r.schools() == null ? new String[0]
                : r.schools().stream().map(String::strip).distinct().toArray(String[]::new);
    }

    /** Keeps badges by name (so codes that award them stay linked), adds new ones, removes the rest. */
    private static Uni<List<ChallengeBadge>> replaceBadges(long challengeId, List<ChallengeRequest.BadgeRequest> wanted) {
        List<ChallengeRequest.BadgeRequest> requested = wanted == null ? List.of() : wanted;
        return ChallengeBadge.<ChallengeBadge>list("challengeId", challengeId).chain(existing -> {
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
                    chain = chain.chain(() -> created.persist()).replaceWithVoid();
                } else {
                    badge.name = name;
                    badge.threshold = b.threshold();
                    result.add(badge);
                }
            }
            for (ChallengeBadge old : existing) {
                if (!keep.contains(old.name.toLowerCase(Locale.ROOT))) {
                    chain = chain.chain(() -> old.delete());
                }
            }
            return chain.chain(() -> Panache.getSession().chain(s -> s.flush())).map(v -> {
                result.sort(java.util.Comparator.comparing((ChallengeBadge b) -> b.threshold == null ? Integer.MAX_VALUE : b.threshold));
                return result;
            });
        });
    }
}
