package id.serambi.challenge;

import id.serambi.account.members.User;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.common.Audience;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A member's part in a challenge: joining under a nickname, logging reading, editing and deleting logs, hiding from
 * the board and redeeming codes; and staff's review of flagged logs. Every change locks the participant's row first,
 * so one participant's concurrent requests queue and the daily caps and totals stay exact.
 */
@ApplicationScoped
public class ParticipationService {

    private final Totals totals;
    private final SerambiConfig config;

    public ParticipationService(Totals totals, SerambiConfig config) {
        this.totals = totals;
        this.config = config;
    }

    LocalDate today() {
        return LocalDate.now(config.library().timeZone());
    }

    @WithTransaction
    public Uni<Participant> join(long challengeId, long userId, ParticipationDtos.Join request) {
        return ChallengeService.find(challengeId).chain(challenge -> User.<User>findById(userId).chain(user -> {
            if (user == null) {
                throw ProblemException.notFound("Account", userId);
            }
            checkOpen(challenge);
            checkAudience(challenge, user);
            String nickname = request.nickname().strip().replaceAll("\\s+", " ");
            if (nickname.equalsIgnoreCase(user.displayName.strip())
                    || nickname.toLowerCase(Locale.ROOT).contains(localPart(user.email))) {
                throw ProblemException.invalidField("nickname",
                        "must not be your name or e-mail: the leaderboard is public");
            }
            String school = blankToNull(request.school());
            if (school != null && challenge.schools.length > 0 && List.of(challenge.schools).stream()
                    .noneMatch(s -> s.equalsIgnoreCase(request.school().strip()))) {
                throw ProblemException.invalidField("school", "must be one of the challenge's schools");
            }
            if (school != null && challenge.schools.length > 0) {
                school = List.of(challenge.schools).stream().filter(s -> s.equalsIgnoreCase(request.school().strip()))
                        .findFirst().orElse(school);
            }
            String chosenSchool = school;
            return Participant.count("challengeId = ?1 and userId = ?2", challengeId, userId).chain(already -> {
                if (already > 0) {
                    throw ProblemException.conflict("already-joined", "Already joined", "You already take part in this challenge");
                }
                return Participant.count("challengeId = ?1 and lower(nickname) = lower(?2)", challengeId, nickname);
            }).chain(taken -> {
                if (taken > 0) {
                    throw duplicateNickname();
                }
                Participant p = new Participant();
                p.challengeId = challengeId;
                p.userId = userId;
                p.nickname = nickname;
                p.school = chosenSchool;
                p.joinedAt = Instant.now();
                p.reachedAt = p.joinedAt;
                return p.<Participant>persistAndFlush().chain(() -> totals.touch(p.id)).replaceWith(p);
            });
        })).onFailure(ParticipationService::isUniqueViolation).transform(e -> String.valueOf(rootMessage(e))
                .contains("participant_user_key")
                        ? ProblemException.conflict("already-joined", "Already joined", "You already take part in this challenge")
                        : duplicateNickname());
    }

    @WithTransaction
    public Uni<ParticipationDtos.Logged> log(long challengeId, long userId, ParticipationDtos.Log request) {
        return checkConsent(userId).chain(() -> lockedParticipant(challengeId, userId)).chain(p -> ChallengeService.find(challengeId).chain(challenge -> {
            checkOpen(challenge);
            ReadingLog log = new ReadingLog();
            log.participantId = p.id;
            log.challengeId = challengeId;
            log.createdAt = Instant.now();
            return judge(challenge, p, log, request, null).chain(() -> log.persistAndFlush())
                    .chain(() -> totals.recompute(p.id))
                    .chain(() -> refreshed(p))
                    .map(fresh -> new ParticipationDtos.Logged(ParticipationDtos.LogView.of(log),
                            log.status == LogStatus.VALID ? log.points : 0, fresh.points));
        }));
    }

    @WithTransaction
    public Uni<ParticipationDtos.LogView> editLog(long challengeId, long userId, long logId, ParticipationDtos.Log request) {
        return checkConsent(userId).chain(() -> lockedParticipant(challengeId, userId)).chain(p -> ownLog(p, logId).chain(log -> {
            if (log.status == LogStatus.VOIDED) {
                throw ProblemException.conflict("log-voided", "Log voided", "Library staff voided this log; it cannot be changed");
            }
            return ChallengeService.find(challengeId).chain(challenge -> judge(challenge, p, log, request, log.id))
                    .chain(() -> log.flush())
                    .chain(() -> totals.recompute(p.id))
                    .map(v -> ParticipationDtos.LogView.of(log));
        }));
    }

    @WithTransaction
    public Uni<Void> deleteLog(long challengeId, long userId, long logId) {
        return lockedParticipant(challengeId, userId).chain(p -> ownLog(p, logId)
                .chain(log -> log.delete())
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .chain(() -> totals.recompute(p.id)));
    }

    @WithSession
    public Uni<List<ReadingLog>> myLogs(long challengeId, long userId) {
        return participant(challengeId, userId).chain(p -> ReadingLog.<ReadingLog>list("participantId",
                Sort.by("readOn").descending().and("id", Sort.Direction.Descending), p.id));
    }

    @WithTransaction
    public Uni<Participant> setHidden(long challengeId, long userId, boolean hidden) {
        return lockedParticipant(challengeId, userId).chain(p -> {
            p.hidden = hidden;
            return p.flush().chain(() -> totals.touch(p.id)).replaceWith(p);
        });
    }

    @WithTransaction
    public Uni<Participant> redeem(long challengeId, long userId, String code) {
        Instant now = Instant.now();
        return checkConsent(userId).chain(() -> lockedParticipant(challengeId, userId)).chain(p -> ChallengeCode.<ChallengeCode>find(
                "challengeId = ?1 and upper(code) = upper(?2)", challengeId, code.strip()).firstResult()
                .chain(found -> {
                    if (found == null || found.validUntil != null && now.isAfter(found.validUntil)) {
                        throw ProblemException.invalidField("code", "is not a valid code for this challenge");
                    }
                    return Panache.getSession().chain(s -> s.createNativeQuery(
                            "INSERT INTO code_redemption (code_id, participant_id, points, redeemed_at) VALUES (?1, ?2, ?3, ?4) "
                                    + "ON CONFLICT DO NOTHING")
                            .setParameter(1, found.id).setParameter(2, p.id).setParameter(3, found.points)
                            .setParameter(4, now).executeUpdate())
                            .chain(inserted -> {
                                if (inserted == 0) {
                                    throw ProblemException.conflict("code-already-redeemed", "Code already redeemed",
                                            "You already used this code");
                                }
                                return totals.recompute(p.id);
                            });
                })
                .chain(() -> refreshed(p)));
    }

    /** Staff: a flagged log counts after all (approve), or a log stops counting (void). */
    @WithTransaction
    public Uni<ReadingLog> review(long challengeId, long logId, boolean approve) {
        return ReadingLog.<ReadingLog>find("id = ?1 and challengeId = ?2", logId, challengeId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Reading log", logId))
                .chain(log -> Participant.<Participant>findById(log.participantId)
                        .chain(p -> Participant.getSession().chain(s -> s.refresh(p, LockModeType.PESSIMISTIC_WRITE)))
                        .chain(() -> ReadingLog.getSession().chain(s -> s.refresh(log)))
                        .chain(() -> {
                            if (approve) {
                                if (log.status != LogStatus.FLAGGED) {
                                    throw ProblemException.conflict("not-flagged", "Not flagged",
                                            "Only a flagged log can be approved; this one is " + log.status);
                                }
                                log.status = LogStatus.VALID;
                                log.countedAt = Instant.now();
                            } else {
                                log.status = LogStatus.VOIDED;
                                log.countedAt = null;
                            }
                            log.updatedAt = Instant.now();
                            return log.flush().chain(() -> totals.recompute(log.participantId)).replaceWith(log);
                        }));
    }

    @WithSession
    public Uni<Participant> participant(long challengeId, long userId) {
        return Participant.<Participant>find("challengeId = ?1 and userId = ?2", challengeId, userId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Your participation in challenge", challengeId));
    }

    private static Uni<Participant> lockedParticipant(long challengeId, long userId) {
        return Participant.<Participant>find("challengeId = ?1 and userId = ?2", challengeId, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Your participation in challenge", challengeId));
    }

    private static Uni<Participant> refreshed(Participant p) {
        return Participant.getSession().chain(s -> s.refresh(p)).replaceWith(p);
    }

    private static Uni<ReadingLog> ownLog(Participant p, long logId) {
        return ReadingLog.<ReadingLog>find("id = ?1 and participantId = ?2", logId, p.id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Reading log", logId));
    }

    /**
     * Checks a log against the challenge's period and daily limits and sets its fields, points and status. Over a
     * hard limit (a cap, 24 hours in a day) it is refused; over a plausibility threshold it is kept but flagged for
     * staff, and counts nothing until approved.
     */
    private Uni<Void> judge(Challenge challenge, Participant p, ReadingLog log, ParticipationDtos.Log r, Long editing) {
        if (r.pages() == null && r.minutes() == null) {
            throw ProblemException.invalidField("pages", "give pages, minutes or both");
        }
        LocalDate today = today();
        if (r.readOn().isAfter(today)) {
            throw ProblemException.invalidField("readOn", "must not be in the future");
        }
        if (r.readOn().isBefore(challenge.startsOn) || r.readOn().isAfter(challenge.endsOn)) {
            throw ProblemException.invalidField("readOn", "must lie within the challenge, " + challenge.startsOn
                    + " to " + challenge.endsOn);
        }
        boolean finished = r.finished() == null || r.finished();
        return Panache.getSession().chain(s -> s.createQuery(
                "select coalesce(sum(l.pages), 0), coalesce(sum(l.minutes), 0), "
                        + "coalesce(sum(case when l.finished then 1 else 0 end), 0) from ReadingLog l "
                        + "where l.participantId = ?1 and l.readOn = ?2 and l.status <> ?3 and l.id <> ?4",
                Object[].class)
                .setParameter(1, p.id).setParameter(2, r.readOn()).setParameter(3, LogStatus.VOIDED)
                .setParameter(4, editing == null ? -1L : editing)
                .getSingleResult())
                .invoke(day -> {
                    long pages = ((Number) day[0]).longValue() + (r.pages() == null ? 0 : r.pages());
                    long minutes = ((Number) day[1]).longValue() + (r.minutes() == null ? 0 : r.minutes());
                    long books = ((Number) day[2]).longValue() + (finished ? 1 : 0);
                    if (minutes > 1440) {
                        throw dailyCap("A day has 1,440 minutes: " + minutes + " minutes on " + r.readOn() + " is impossible");
                    }
                    if (challenge.maxMinutesPerDay != null && minutes > challenge.maxMinutesPerDay) {
                        throw dailyCap("At most " + challenge.maxMinutesPerDay + " minutes count per day");
                    }
                    if (challenge.maxPagesPerDay != null && pages > challenge.maxPagesPerDay) {
                        throw dailyCap("At most " + challenge.maxPagesPerDay + " pages count per day");
                    }
                    if (challenge.maxBooksPerDay != null && books > challenge.maxBooksPerDay) {
                        throw dailyCap("At most " + challenge.maxBooksPerDay + " finished books count per day");
                    }
                    log.title = r.title().strip();
                    log.author = r.author().strip();
                    log.isbn = blankToNull(r.isbn());
                    log.pages = r.pages();
                    log.minutes = r.minutes();
                    log.finished = finished;
                    log.readOn = r.readOn();
                    log.review = blankToNull(r.review());
                    log.shareReview = log.review != null && Boolean.TRUE.equals(r.shareReview());
                    log.points = challenge.pointsFor(finished, r.pages(), r.minutes());
                    log.updatedAt = Instant.now();
                    String flag = pages > challenge.flagPagesPerDay
                            ? pages + " pages in one day is more than " + challenge.flagPagesPerDay
                            : minutes > challenge.flagMinutesPerDay
                                    ? minutes + " minutes in one day is more than " + challenge.flagMinutesPerDay
                                    : null;
                    boolean wasValid = log.status == LogStatus.VALID;
                    log.status = flag == null ? LogStatus.VALID : LogStatus.FLAGGED;
                    log.flagReason = flag;
                    if (log.status == LogStatus.VALID && !(wasValid && log.countedAt != null)) {
                        log.countedAt = Instant.now();
                    } else if (log.status != LogStatus.VALID) {
                        log.countedAt = null;
                    }
                })
                .replaceWithVoid();
    }

    private void checkOpen(Challenge challenge) {
        if (challenge.status != ChallengeStatus.PUBLISHED) {
            throw ProblemException.conflict("challenge-not-open", "Challenge not open",
                    "This challenge is " + challenge.status.name().toLowerCase(Locale.ROOT) + "; it takes no entries");
        }
        if (today().isAfter(challenge.endsOn)) {
            throw ProblemException.conflict("challenge-ended", "Challenge ended", "This challenge ended on " + challenge.endsOn);
        }
    }

    private void checkAudience(Challenge challenge, User user) {
        int year = today().getYear();
        if (user.needsGuardianConsent(year)) {
            throw consentRequired();
        }
        int age = user.ageIn(year);
        if (challenge.audience == Audience.TEENS && (age < 12 || age > 19)) {
            throw ProblemException.forbidden("This challenge is for teens (13 to 18)");
        }
        if (challenge.audience == Audience.CHILDREN && age > 13) {
            throw ProblemException.forbidden("This challenge is for children");
        }
    }

    /**
     * Every action a child takes in a challenge (joining, logging, editing a log or sharing its review, redeeming a
     * code) needs the guardian's consent while it is required. Hiding from the board and deleting a log only take
     * data away, and stay open.
     */
    private Uni<Void> checkConsent(long userId) {
        return User.<User>findById(userId).invoke(user -> {
            if (user != null && user.needsGuardianConsent(today().getYear())) {
                throw consentRequired();
            }
        }).replaceWithVoid();
    }

    private static ProblemException consentRequired() {
        return new ProblemException(403, "guardian-consent-required", "Guardian consent required",
                "Members under 13 take part once a parent or guardian has confirmed the e-mail we sent them", null,
                java.util.Map.of());
    }

    private static ProblemException dailyCap(String detail) {
        return ProblemException.conflict("daily-cap-exceeded", "Daily limit exceeded", detail);
    }

    private static ProblemException duplicateNickname() {
        return ProblemException.conflict("duplicate-nickname", "Nickname taken",
                "Another participant of this challenge already uses this nickname");
    }

    private static String localPart(String email) {
        String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
        return local.length() < 4 ? "\u0000" : local;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean isUniqueViolation(Throwable e) {
        String message = rootMessage(e);
        return message.contains("participant_nickname_key") || message.contains("participant_user_key");
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        return all.toString();
    }
}
