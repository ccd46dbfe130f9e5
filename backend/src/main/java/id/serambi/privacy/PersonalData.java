package id.serambi.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import id.serambi.account.Accounts;
import id.serambi.common.JsonTimestamps;
import id.serambi.common.PersonalDataPart;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import java.util.Comparator;
import java.util.List;

/**
 * A member's personal data under UU PDP: everything Serambi holds about them as one JSON document, and its erasure.
 * Each feature holding personal data contributes its part ({@link PersonalDataPart}); this class reads no feature's
 * tables. Event registrations count as the member's only once the account has verified its e-mail address (the
 * registration part decides); erasure keeps the anonymous reading totals, so the challenges' boards stay consistent.
 */
@ApplicationScoped
public class PersonalData {

    private final Accounts accounts;
    private final ObjectMapper json;
    /** In export order (by key): account, challenges, eventRegistrations, ... */
    private final List<PersonalDataPart> exportOrder;
    /** In erasure order: the account itself last. */
    private final List<PersonalDataPart> erasureOrder;

    public PersonalData(Accounts accounts, @Any Instance<PersonalDataPart> parts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
        List<PersonalDataPart> all = parts.stream().toList();
        this.exportOrder = all.stream().sorted(Comparator.comparing(PersonalDataPart::key)).toList();
        this.erasureOrder = all.stream().sorted(Comparator.comparingInt(PersonalDataPart::erasureOrder)
                .thenComparing(PersonalDataPart::key)).toList();
    }

    /** All of the member's data, as a JSON document. */
    @WithSession
    public Uni<String> export(long userId) {
        return accounts.member(userId).chain(member -> {
            ObjectNode document = json.createObjectNode().put("exportedAt", JsonTimestamps.format(Instant.now()));
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PersonalDataPart part : exportOrder) {
                chain = chain.chain(() -> part.export(member)).invoke(text -> {
                    if (text != null) {
                        document.set(part.key(), timestampsInApiFormat(parse(text)));
                    }
                }).replaceWithVoid();
            }
            return chain.map(done -> document.toString());
        });
    }

    /** Erases the member: their account goes, their logs and registrations become anonymous. */
    @WithTransaction
    public Uni<Void> erase(long userId) {
        return accounts.lockForErasure(userId).chain(member -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (PersonalDataPart part : erasureOrder) {
                chain = chain.chain(() -> part.erase(member));
            }
            return chain;
        });
    }

    /**
     * The parts build their JSON in SQL, where PostgreSQL writes a {@code timestamptz} as
     * {@code 2026-12-05T11:00:00.123456+08:00} or with {@code +00:00}: every such value becomes the API's one format
     * ({@link JsonTimestamps}, {@code 2026-12-05T03:00:00.123Z}), the same instant. Only a whole string that is a
     * date-time with an offset is rewritten; dates ({@code 2026-12-05}) and other text stay as they are.
     */
    public static JsonNode timestampsInApiFormat(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(timestampsInApiFormat(field.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, timestampsInApiFormat(array.get(i)));
            }
        } else if (node != null && node.isTextual() && TIMESTAMP.matcher(node.textValue()).matches()) {
            String text = node.textValue();
            // PostgreSQL leaves out the minutes of a whole-hour offset (+08); ISO 8601 parsing wants +08:00.
            String offsetWithMinutes = text.matches(".*[+-]\\d{2}") ? text + ":00" : text;
            try {
                return TextNode.valueOf(JsonTimestamps.format(
                        OffsetDateTime.parse(offsetWithMinutes, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()));
            } catch (DateTimeParseException notATimestamp) {
                return node;
            }
        }
        return node;
    }

    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)");

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A personal-data part is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
