package id.serambi.campaign.posts;

import id.serambi.common.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses query parameters into 400 problems rather than JAX-RS's 404 for a bad query parameter. Used by the posts,
 * calendar and analytics resources of campaign. The same as the event feature's EventQuery (moving to
 * common/QueryParameters): to be merged into it.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date like 2026-11-01");
        }
    }

    public static LocalDate requiredDate(String name, String value) {
        LocalDate date = date(name, value);
        if (date == null) {
            throw ProblemException.invalidField(name, "is required (a date like 2026-11-01)");
        }
        return date;
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a number");
        }
    }

    /** A period of local dates [from, to], both inclusive, at most {@code maxDays} long. */
    public static void period(LocalDate from, LocalDate to, int maxDays) {
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                throw ProblemException.invalidField("to", "must not be before from");
            }
            if (from.plusDays(maxDays).isBefore(to)) {
                throw ProblemException.invalidField("to", "the period may be at most " + maxDays + " days");
            }
        }
    }
}
