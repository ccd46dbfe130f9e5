package id.serambi.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * One timestamp format in every JSON the API writes: RFC 3339 in UTC with exactly three fraction digits
 * ({@code 2026-12-05T03:00:00.000Z}). Before, an {@link Instant} came out with 0, 6 or 9 digits depending on what the
 * database or the clock held, and an {@link OffsetDateTime} read from PostgreSQL with {@code +00:00}. Reading stays
 * lenient (any RFC 3339 value with an offset is accepted), but a date ({@link LocalDate}) in a year RFC 3339 cannot
 * write is refused.
 */
@Singleton
public class JsonTimestamps implements ObjectMapperCustomizer {

    /** The format: UTC, milliseconds, {@code Z}. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** {@code instant} as the API writes it. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** After Quarkus's own customizer, whose JavaTimeModule would otherwise take precedence over this one. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("rfc3339-utc-millis")
                .addSerializer(Instant.class, new Writer<>(Instant.class, t -> t))
                .addSerializer(OffsetDateTime.class, new Writer<>(OffsetDateTime.class, OffsetDateTime::toInstant))
                .addSerializer(ZonedDateTime.class, new Writer<>(ZonedDateTime.class, ZonedDateTime::toInstant))
                // Instants keep Jackson's reading: the features check their range, listing every field at once.
                .addDeserializer(LocalDate.class, new InRange<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                        LocalDate::getYear)));
    }

    /**
     * Jackson's own reading of a date, then the range RFC 3339 can write: years 1 to 9999. Before, a date
     * such as {@code +4475534-03-06} (or the number 1700000000, read as days since 1970) was stored, and then
     * written back as something no client can parse.
     */
    private static final class InRange<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<T> jackson;
        private final java.util.function.ToIntFunction<T> year;

        InRange(Class<T> type, JsonDeserializer<T> jackson, java.util.function.ToIntFunction<T> year) {
            super(type);
            this.jackson = jackson;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = jackson.deserialize(parser, context);
            if (value != null && (year.applyAsInt(value) < 1 || year.applyAsInt(value) > 9999)) {
                throw InvalidFormatException.from(parser, "must be a date between the years 1 and 9999",
                        parser.getText(), handledType());
            }
            return value;
        }
    }

    private static final class Writer<T> extends StdSerializer<T> {
        private final java.util.function.Function<T, Instant> toInstant;

        Writer(Class<T> type, java.util.function.Function<T, Instant> toInstant) {
            super(type);
            this.toInstant = toInstant;
        }

        @Override
        public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(format(toInstant.apply(value)));
        }
    }
}
