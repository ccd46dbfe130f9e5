package id.serambi.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parses a list's query parameters, collecting every bad one: {@link #check()} then throws them together as one 400
 * validation problem naming each parameter. A feature adds its own rules with {@link #invalid}.
 */
public final class QueryParameters {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** An enum constant in any letter case, or null when absent. */
    public <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            invalid(name, "must be one of " + EnumSet.allOf(type).stream()
                    .map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }

    /** A language tag such as id or en, or null when absent. */
    public String language(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")) {
            invalid(name, "must be a language tag such as id or en");
            return null;
        }
        return value.strip();
    }

    /**
     * An instant (2026-12-05T11:00:00Z) or a date (2026-12-05) in the given zone, or null when absent. A date as the
     * end of a range includes that whole day.
     */
    public Instant instant(String name, String value, ZoneId zone, boolean endOfRange) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value.strip());
                return (endOfRange ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                invalid(name, "must be a date (2026-12-05) or an instant (2026-12-05T11:00:00Z)");
                return null;
            }
        }
    }

    /** A local date (2026-11-01), or null when absent. */
    public LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            invalid(name, "must be a date like 2026-11-01");
            return null;
        }
    }

    /** A local date that must be given. */
    public LocalDate requiredDate(String name, String value) {
        if (value == null || value.isBlank()) {
            invalid(name, "is required (a date like 2026-11-01)");
            return null;
        }
        return date(name, value);
    }

    /** An id (a whole number), or null when absent. */
    public Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            invalid(name, "must be a number");
            return null;
        }
    }

    /** A period of local dates [from, to], both inclusive, at most {@code maxDays} long; either end may be absent. */
    public void period(LocalDate from, LocalDate to, int maxDays) {
        if (from == null || to == null) {
            return;
        }
        if (to.isBefore(from)) {
            invalid("to", "must not be before from");
        } else if (from.plusDays(maxDays).isBefore(to)) {
            invalid("to", "the period may be at most " + maxDays + " days");
        }
    }

    /** Records a bad parameter; {@link #check()} reports it with the others. */
    public void invalid(String name, String message) {
        errors.add(new Problem.FieldError(name, message));
    }

    /** Throws the collected errors, if any, as one 400 validation problem. */
    public void check() {
        if (errors.isEmpty()) {
            return;
        }
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " query parameters are invalid: "
                        + errors.stream().map(Problem.FieldError::field).collect(Collectors.joining(", "));
        throw new ProblemException(400, "validation", "Invalid request", detail, errors, Map.of());
    }
}
