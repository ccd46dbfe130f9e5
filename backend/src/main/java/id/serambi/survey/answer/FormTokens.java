package id.serambi.survey.answer;

import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token a survey form carries: the time it was served and an HMAC-SHA256 over the survey's id and that time, under
 * {@code serambi.surveys.form-secret}. An answer must bring it back, signed by us, at least
 * {@code serambi.surveys.form-min-age} (a person reads before answering; a bot posts at once) and at most
 * {@code serambi.surveys.form-max-age} after the form was served. No outside service, no state: any instance with the
 * same secret checks any token.
 */
@ApplicationScoped
public class FormTokens {

    static final String FIELD = "formToken";

    private final Optional<String> secret;
    private final Duration minAge;
    private final Duration maxAge;

    @Inject
    public FormTokens(SurveyFormSettings settings) {
        this(settings.formSecret(), settings.formMinAge(), settings.formMaxAge());
    }

    FormTokens(Optional<String> secret, Duration minAge, Duration maxAge) {
        this.secret = secret.map(String::strip).filter(s -> !s.isEmpty());
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    /** The token of survey {@code surveyId}'s form served at {@code servedAt}: {@code <epoch millis>.<signature>}. */
    public String issue(long surveyId, Instant servedAt) {
        long millis = servedAt.toEpochMilli();
        return millis + "." + sign(surveyId, millis);
    }

    /**
     * Fails with a 400 {@code form-expired} problem (the page reloads the form) when the token is not ours for this
     * survey, or the form was served less than the minimum or more than the maximum age before {@code now}.
     */
    public void check(long surveyId, String token, Instant now) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            throw expired("The form token is not valid; load the form again");
        }
        long millis;
        try {
            millis = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            throw expired("The form token is not valid; load the form again");
        }
        byte[] expected = sign(surveyId, millis).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw expired("The form token is not valid; load the form again");
        }
        Duration age = Duration.between(Instant.ofEpochMilli(millis), now);
        if (age.compareTo(minAge) < 0) {
            throw expired("The form was sent back too soon after it was served; load the form again and answer it");
        }
        if (age.compareTo(maxAge) > 0) {
            throw expired("The form was served more than " + maxAge.toHours() + " hours ago; load the form again");
        }
    }

    private String sign(long surveyId, long millis) {
        String key = secret.orElseThrow(() -> new IllegalStateException("serambi.surveys.form-secret is not set"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(("survey-form:" + surveyId + ":" + millis).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static ProblemException expired(String detail) {
        return new ProblemException(400, "form-expired", "Form expired", detail,
                List.of(new Problem.FieldError(FIELD, detail)), Map.of());
    }
}
