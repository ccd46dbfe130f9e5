package id.serambi.campaign;

import id.serambi.common.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses query parameters into 400 problems rather than JAX-RS's 404 for a bad query parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date like 2026-11-01");
        }
    }

    static LocalDate requiredDate(String name, String value) {
        LocalDate date = date(name, value);
        if (date == null) {
            throw ProblemException.invalidField(name, "is required (a date like 2026-11-01)");
        }
        return date;
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
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

    static Long id(String name, String value) {
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
    static void period(LocalDate from, LocalDate to, int maxDays) {
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                throw ProblemException.invalidField("to", "must not be before from");
            }
            if (from.plusDays(maxDays).isBefore(to)) {
                throw ProblemException.invalidField("to", "the period may be at most " + maxDays + " days");
            }
        }
    }

    /** The If-Match header as a version number: {@code "3"}, {@code W/"3"} or {@code 3}. */
    static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "version-required", "Version required",
                    "Send the version you edited as If-Match: \"<version>\" (the ETag of the GET you edited)");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("bad-if-match", "Bad If-Match header",
                    "If-Match must be the ETag you read, such as \"3\"");
        }
    }
}
