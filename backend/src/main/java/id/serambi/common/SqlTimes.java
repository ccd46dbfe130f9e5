package id.serambi.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamp read through a native query, whichever Java type the driver chose for it, as an instant. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The instant; null stays null. A zone-less value is taken as UTC, as Serambi stores every instant. */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        if (value instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC);
        }
        return Instant.parse(value.toString());
    }

    /** A date read through a native query ({@code LocalDate}, {@code java.sql.Date} or text); null stays null. */
    public static java.time.LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.LocalDate date) {
            return date;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return java.time.LocalDate.parse(value.toString().substring(0, 10));
    }
}
