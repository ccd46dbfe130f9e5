package id.serambi.challenge.participation;

import id.serambi.account.Accounts;
import id.serambi.challenge.catalogue.Challenge;
import id.serambi.challenge.catalogue.ChallengeRepository;
import id.serambi.challenge.catalogue.ChallengeStatus;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.survey.SurveyContexts;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The challenge feature's answer to "who answers this survey, in which context" (issue 20): a challenge's survey
 * before it (PRE: from joining until the challenge ends) and after it (POST: for {@link #POST_WINDOW} from its end),
 * answered by a participant signed in with their account.
 * <ul>
 * <li>No challenge id in the hint: not this feature's (empty).</li>
 * <li>404 when the challenge does not exist, is a draft, or has this survey neither before nor after it.</li>
 * <li>401 without a signed-in account; 403 when the account does not take part in the challenge.</li>
 * <li>409 survey-not-open outside the phase's window, saying when it opens or when it closed. When the same survey
 * is asked before and after, the date decides the phase.</li>
 * </ul>
 * The age group and minor flag come from the account's birth year (minor: under 18). Runs on the caller's session.
 */
@ApplicationScoped
public class ChallengeSurveyContexts implements SurveyContexts {

    /** How long after the end the after-challenge survey stays open. */
    public static final Duration POST_WINDOW = Duration.ofDays(30);

    private final ChallengeRepository challenges;
    private final ParticipantRepository participants;
    private final Accounts accounts;
    private final ZoneId zone;

    public ChallengeSurveyContexts(ChallengeRepository challenges, ParticipantRepository participants,
            Accounts accounts, SerambiConfig config) {
        this.challenges = challenges;
        this.participants = participants;
        this.accounts = accounts;
        this.zone = config.library().timeZone();
    }

    @Override
    @WithSession
    public Uni<Optional<Context>> resolve(long surveyId, Hint hint) {
        if (hint == null || hint.challengeId() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        long challengeId = hint.challengeId();
        return challenges.findById(challengeId).chain(c -> {
            boolean pre = c != null && Objects.equals(c.preSurveyId, surveyId);
            boolean post = c != null && Objects.equals(c.postSurveyId, surveyId);
            if (c == null || c.status == ChallengeStatus.DRAFT || !pre && !post) {
                throw new ProblemException(404, "not-found", "Not found",
                        "Survey " + surveyId + " is not asked in challenge " + challengeId);
            }
            if (hint.accountId() == null) {
                throw new ProblemException(401, "unauthorized", "Sign in",
                        "Sign in with the account that takes part in the challenge to answer its survey");
            }
            long accountId = hint.accountId();
            return participants.findByMember(challengeId, accountId).chain(p -> {
                if (p == null) {
                    throw ProblemException.forbidden("Only the challenge's participants answer its survey");
                }
                Phase phase = phase(c, pre, post, Instant.now());
                return accounts.find(accountId, LocalDate.now(zone).getYear()).map(member -> {
                    int age = member == null ? 0 : member.age();
                    String group = member == null ? null : ageGroup(age);
                    boolean minor = member != null && age < 18;
                    return Optional.of(new Context(null, challengeId, phase, null, accountId, group, minor,
                            key(challengeId, phase)));
                });
            });
        });
    }

    /** The first instant after the challenge's last day, in the library's zone. */
    Instant end(Challenge c) {
        return c.endsOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The phase an answer given at {@code now} belongs to; a 409 survey-not-open outside both windows. */
    Phase phase(Challenge c, boolean pre, boolean post, Instant now) {
        Instant end = end(c);
        Instant closes = end.plus(POST_WINDOW);
        if (now.isBefore(end)) {
            if (pre) {
                return Phase.PRE;
            }
            throw notOpen("The after-challenge survey (POST) opens when the challenge ends, at " + end);
        }
        if (now.isBefore(closes)) {
            if (post) {
                return Phase.POST;
            }
            throw notOpen("The before-challenge survey (PRE) closed when the challenge ended, at " + end
                    + (c.postSurveyId != null ? "; the after-challenge survey (POST) is open until " + closes : ""));
        }
        throw notOpen("The challenge's surveys closed at " + closes + ", " + POST_WINDOW.toDays()
                + " days after its end");
    }

    static String ageGroup(int age) {
        if (age < 13) {
            return "CHILD";
        }
        if (age <= 18) {
            return "TEEN";
        }
        return age < 60 ? "ADULT" : "SENIOR";
    }

    static String key(long challengeId, Phase phase) {
        return "challenge:" + challengeId + ":" + phase.name();
    }

    private static ProblemException notOpen(String detail) {
        return ProblemException.conflict("survey-not-open", "Survey not open", detail);
    }
}
