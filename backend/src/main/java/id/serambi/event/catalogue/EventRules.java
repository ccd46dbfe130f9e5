package id.serambi.event.catalogue;

import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The rules of an event's fields that span more than one field, and how a request becomes an event. */
public final class EventRules {

    /** PostgreSQL's timestamps end in the year 294276; far outside this range an instant is a typo anyway. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    static final String OUT_OF_RANGE = "must be between the years 2000 and 9999";

    private EventRules() {
    }

    public static boolean inRange(Instant instant) {
        return instant == null || !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /**
     * The rules that span fields; {@code confirmed} is the seats already taken (null for a new event). All failures
     * are reported together, as a 400 validation problem.
     */
    public static void check(EventRequest r, Integer confirmed) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Instant> instants = new LinkedHashMap<>();
        instants.put("startsAt", r.startsAt());
        instants.put("endsAt", r.endsAt());
        instants.put("registrationOpensAt", r.registrationOpensAt());
        instants.put("registrationClosesAt", r.registrationClosesAt());
        instants.forEach((field, instant) -> {
            if (!inRange(instant)) {
                errors.add(new Problem.FieldError(field, OUT_OF_RANGE));
            }
        });
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (!r.endsAt().isAfter(r.startsAt())) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        }
        if (!isWebUrl(r.joinUrl())) {
            errors.add(new Problem.FieldError("joinUrl", "must be an http or https URL"));
        }
        if (r.registrationOpensAt() != null && r.registrationClosesAt() != null
                && !r.registrationOpensAt().isBefore(r.registrationClosesAt())) {
            errors.add(new Problem.FieldError("registrationClosesAt", "must be after registrationOpensAt"));
        }
        if (r.registrationClosesAt() != null && r.registrationClosesAt().isAfter(r.endsAt())) {
            errors.add(new Problem.FieldError("registrationClosesAt", "must not be after endsAt"));
        }
        if (r.registrationOpensAt() != null && !r.registrationOpensAt().isBefore(r.endsAt())) {
            errors.add(new Problem.FieldError("registrationOpensAt", "must be before endsAt"));
        }
        if (confirmed != null && r.capacity() != null && r.capacity() < confirmed) {
            errors.add(new Problem.FieldError("capacity", "must be at least " + confirmed
                    + ", the number of confirmed registrations"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: "
                        + errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return new ProblemException(400, "validation", "Invalid request", detail, errors, Map.of());
    }

    static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Copies a checked request onto an event. */
    public static void apply(Event e, EventRequest r) {
        e.title = r.title().strip();
        e.description = r.description().strip();
        e.type = r.type();
        e.audience = r.audience();
        e.language = r.language();
        e.startsAt = r.startsAt();
        e.endsAt = r.endsAt();
        e.platform = r.platform();
        e.joinUrl = r.joinUrl().strip();
        e.capacity = r.capacity();
        e.registrationOpensAt = r.registrationOpensAt();
        e.registrationClosesAt = r.registrationClosesAt();
        e.feedbackSurveyId = r.feedbackSurveyId();
    }
}
