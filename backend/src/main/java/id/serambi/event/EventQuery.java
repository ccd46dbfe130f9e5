package id.serambi.event;

import id.serambi.common.Problem;
import id.serambi.common.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses a list's query parameters; a bad one is a 400 validation problem naming the parameter. */
final class EventQuery {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, "must be one of " + EnumSet.allOf(type).stream()
                    .map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    Set<EventStatus> statuses(String value, Set<EventStatus> all) {
        EventStatus status = enumValue("status", value, EventStatus.class);
        return status == null ? all : Set.of(status);
    }

    String language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            errors.add(new Problem.FieldError("language", "must be a language tag such as id or en"));
            return null;
        }
        return value.strip();
    }

    /**
     * An instant (2026-12-05T11:00:00Z) or a date (2026-12-05) in the library's zone. A date as the end of a range
     * includes that whole day.
     */
    Instant instant(String name, String value, ZoneId zone, boolean endOfRange) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value.strip());
                instant = (endOfRange ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(name, "must be a date (2026-12-05) or an instant (2026-12-05T11:00:00Z)"));
                return null;
            }
        }
        if (!EventService.inRange(instant)) {
            errors.add(new Problem.FieldError(name, "must be between the years 2000 and 9999"));
            return null;
        }
        return instant;
    }

    /** Throws the collected errors, if any. */
    void check() {
        if (errors.isEmpty()) {
            return;
        }
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " query parameters are invalid: "
                        + errors.stream().map(Problem.FieldError::field).collect(Collectors.joining(", "));
        throw new ProblemException(400, "validation", "Invalid request", detail, errors, Map.of());
    }
}
