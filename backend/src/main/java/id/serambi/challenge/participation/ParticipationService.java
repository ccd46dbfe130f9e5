package id.serambi.challenge.participation;

import id.serambi.account.Accounts;
import id.serambi.challenge.catalogue.Challenge;
import id.serambi.challenge.catalogue.ChallengeRepository;
import id.serambi.challenge.catalogue.ChallengeStatus;
import id.serambi.common.DatabaseProblems;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.common.Audience;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final ParticipantRepository participants;
    private final ReadingLogRepository logs;
    private final CodeRepository codes;
    private final ChallengeRepository challenges;
    private final Accounts accounts;
    private final Totals totals;
    private final SerambiConfig config;

    public ParticipationService(ParticipantRepository participants, ReadingLogRepository logs, CodeRepository codes,
            ChallengeRepository challenges, Accounts accounts, Totals totals, SerambiConfig config) {
        this.participants = participants;
        this.logs = logs;
        this.codes = codes;
        this.challenges = challenges;
        this.accounts = accounts;
        this.totals = totals;
        this.config = config;
    }

    LocalDate today() {
        return LocalDate.now(config.library().timeZone());
    }

    @WithTransaction
    public Uni<ParticipationDtos.Joined> join(long challengeId, long userId, ParticipationDtos.Join request) {
        return challenges.existing(challengeId).chain(challenge -> accounts.find(userId, today().getYear()).chain(user -> {
            if (user == null) {
                throw ProblemException.notFound("Account", userId);
            }
            checkOpen(challenge);
            checkAudience(challenge, user);
            String nickname = request.nickname().strip().replaceAll("\\s+", " ");
            if (nickname.equalsIgnoreCase(user.displayName().strip())
                    || nickname.toLowerCase(Locale.ROOT).contains(localPart(user.email()))) {
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
            return participants.joined(challengeId, userId).chain(already -> {
                if (already) {
                    throw alreadyJoined();
                }
                return participants.nicknameTaken(challengeId, nickname);
            }).chain(taken -> {
                if (taken) {
                    throw duplicateNickname();
                }
                Participant p = new Participant();
                p.challengeId = challengeId;
                p.userId = userId;
                p.nickname = nickname;
                p.school = chosenSchool;
                p.joinedAt = Instant.now();
                p.reachedAt = p.joinedAt;
                p.refCode = request.ref();
                return participants.add(p).chain(() -> totals.touch(p.id))
                        .map(v -> new ParticipationDtos.Joined(p.id, p.nickname, p.school, p.hidden));
            });
        })).onFailure(DatabaseProblems::isUniqueViolation)
                .transform(e -> brokeMembersKey(e) ? alreadyJoined() : duplicateNickname());
    }

    /**
     * Logs reading: the participant's row lock, the challenge, the day's sums, the insert, and the new totals (which
     * also announce themselves and give the new points back).
     */
    @WithTransaction
    public Uni<ParticipationDtos.Logged> log(long challengeId, long userId, ParticipationDtos.Log request) {
        return checkConsent(userId).chain(() -> lockedParticipant(challengeId, userId)).chain(p -> challenges.existing(challengeId).chain(challenge -> {
            checkOpen(challenge);
            ReadingLog log = new ReadingLog();
            log.participantId = p.id;
            log.challengeId = challengeId;
            log.createdAt = Instant.now();
            return judge(challenge, p, log, request, null).chain(() -> logs.add(log))
                    .chain(() -> totals.recompute(p.id))
                    .map(points -> new ParticipationDtos.Logged(ParticipationDtos.LogView.of(log),
                            log.status == LogStatus.VALID ? log.points : 0, points));
        }));
    }

    @WithTransaction
    public Uni<ParticipationDtos.LogView> editLog(long challengeId, long userId, long logId, ParticipationDtos.Log request) {
        return checkConsent(userId).chain(() -> lockedParticipant(challengeId, userId)).chain(p -> ownLog(p, logId).chain(log -> {
            if (log.status == LogStatus.VOIDED) {
                throw ProblemException.conflict("log-voided", "Log voided", "Library staff voided this log; it cannot be changed");
            }
            return challenges.existing(challengeId).chain(challenge -> judge(challenge, p, log, request, log.id))
                    .chain(logs::flush)
                    .chain(() -> totals.recompute(p.id))
                    .map(v -> ParticipationDtos.LogView.of(log));
        }));
    }

    @WithTransaction
    public Uni<Void> deleteLog(long challengeId, long userId, long logId) {
        return lockedParticipant(challengeId, userId).chain(p -> ownLog(p, logId)
                .chain(logs::remove)
                .chain(() -> totals.recompute(p.id)))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<List<ParticipationDtos.LogView>> myLogs(long challengeId, long userId) {
        return participant(challengeId, userId).chain(p -> logs.ofParticipant(p.id))
                .map(list -> list.stream().map(ParticipationDtos.LogView::of).toList());
    }

    /**
     * One log: the caller's own, or (for staff) any log of the challenge. Another member's log is not found, so a
     * log's id tells a member nothing about other people's reading.
     */
    @WithSession
    public Uni<ParticipationDtos.LogView> getLog(long challengeId, long logId, long userId, boolean staff) {
        Uni<ReadingLog> log = staff
                ? logs.findInChallenge(challengeId, logId)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Reading log", logId))
                : participant(challengeId, userId).chain(p -> ownLog(p, logId));
        return log.map(ParticipationDtos.LogView::of);
    }

    @WithTransaction
    public Uni<Void> setHidden(long challengeId, long userId, boolean hidden) {
        return lockedParticipant(challengeId, userId).chain(p -> participants.setHidden(p.id, hidden));
    }

    @WithTransaction
    public Uni<Void> redeem(long challengeId, long userId, String code) {
        Instant now = Instant.now();
        return checkConsent(userId).chain(() -> lockedParticipant(challengeId, userId))
                .chain(p -> codes.findByCode(challengeId, code.strip()).chain(found -> {
                    if (found == null || found.validUntil != null && now.isAfter(found.validUntil)) {
                        throw ProblemException.invalidField("code", "is not a valid code for this challenge");
                    }
                    return codes.redeem(found, p.id, now).chain(inserted -> {
                        if (!inserted) {
                            throw ProblemException.conflict("code-already-redeemed", "Code already redeemed",
                                    "You already used this code");
                        }
                        return totals.recompute(p.id);
                    });
                }))
                .replaceWithVoid();
    }

    /** Staff: a flagged log counts after all (approve), or a log stops counting (void). */
    @WithTransaction
    public Uni<ParticipationDtos.LogView> review(long challengeId, long logId, boolean approve) {
        return logs.findInChallenge(challengeId, logId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Reading log", logId))
                .chain(log -> participants.findLocked(log.participantId)
                        .chain(() -> logs.refresh(log))
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
                            return logs.flush().chain(() -> totals.recompute(log.participantId))
                                    .map(points -> ParticipationDtos.LogView.of(log));
                        }));
    }

    /** Staff: the challenge's logs of one status (the review queue is FLAGGED). */
    @WithSession
    public Uni<List<StaffDtos.StaffLog>> logsOf(long challengeId, LogStatus status) {
        return challenges.existing(challengeId).chain(() -> logs.ofChallenge(challengeId, status));
    }

    /** Staff: reviews that teens agreed to share, newest first; {@code limit} is clamped to 1..200. */
    @WithSession
    public Uni<List<StaffDtos.SharedReview>> sharedReviews(int limit) {
        return logs.shared(Math.max(1, Math.min(200, limit)));
    }

    private Uni<Participant> participant(long challengeId, long userId) {
        return participants.findByMember(challengeId, userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Your participation in challenge", challengeId));
    }

    private Uni<Participant> lockedParticipant(long challengeId, long userId) {
        return participants.findByMemberLocked(challengeId, userId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Your participation in challenge", challengeId));
    }

    private Uni<ReadingLog> ownLog(Participant p, long logId) {
        return logs.findOwn(p.id, logId)
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
        return logs.day(p.id, r.readOn(), editing)
                .invoke(day -> {
                    long pages = day.pages() + (r.pages() == null ? 0 : r.pages());
                    long minutes = day.minutes() + (r.minutes() == null ? 0 : r.minutes());
                    long books = day.books() + (finished ? 1 : 0);
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

    private void checkAudience(Challenge challenge, Accounts.Member user) {
        if (user.needsGuardianConsent()) {
            throw consentRequired();
        }
        int age = user.age();
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
        return accounts.find(userId, today().getYear()).invoke(user -> {
            if (user != null && user.needsGuardianConsent()) {
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

    private static ProblemException alreadyJoined() {
        return ProblemException.conflict("already-joined", "Already joined", "You already take part in this challenge");
    }

    /** Whether a join that raced another broke the member's own key (they joined twice at once), not the nickname's. */
    private static boolean brokeMembersKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("participant_user_key")) {
                return true;
            }
        }
        return false;
    }
}
