package id.serambi.survey;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * What a feature a survey is attached to tells the survey about one answer: the context it is given in (after an
 * event; in a challenge, before or after it) and who gives it when the survey asks by manage link or by account. The
 * event feature answers for its registrations' manage tokens and for events whose feedback survey this is; the
 * challenge feature for its participants. The survey feature asks each implementation in turn (never in parallel)
 * and uses the first that is concerned.
 */
public interface SurveyContexts {

    /** Before or after a challenge. */
    enum Phase {
        PRE, POST
    }

    /**
     * What the answering request says about its context, each part optional: a registration's manage token (from the
     * post-event e-mail's link), the signed-in account, and the event or challenge named in the link.
     */
    record Hint(String manageToken, Long accountId, Long eventId, Long challengeId) {
    }

    /**
     * The context resolved. {@code registrationId}, {@code accountId}, {@code ageGroup} (CHILD, TEEN, ADULT or SENIOR)
     * and {@code minor} describe the respondent: the survey feature drops all of them when the survey is ANONYMOUS.
     * {@code contextKey} is what one-per-person counts in: "event:12", "challenge:3:PRE" ("" for none).
     */
    record Context(Long eventId, Long challengeId, Phase phase, Long registrationId, Long accountId, String ageGroup,
            boolean minor, String contextKey) {
    }

    /**
     * The context of answering survey {@code surveyId} with this hint; empty when the hint is not this feature's (no
     * token of its own, no event or challenge of its own that has this survey attached). Fails with a
     * {@code ProblemException} when the hint is this feature's but does not allow answering: 404 for an unknown manage
     * token or an event or challenge this survey is not attached to, 403 when the account is not a participant, 409
     * when the phase is not open (before: only while the challenge runs; after: only once it ended).
     */
    Uni<Optional<Context>> resolve(long surveyId, Hint hint);
}
