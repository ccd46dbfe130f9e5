package id.serambi.event.catalogue;

import id.serambi.common.Audience;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An event as staff create or replace it. Rules across fields (the end after the start, a sane registration window,
 * an http(s) join URL, the capacity not below the seats already taken) are checked by {@link EventRules}.
 */
@Schema(name = "EventRequest")
public record EventRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Diskusi Buku: Laskar Pelangi") String title,
        @NotNull @Size(max = 10000) @Schema(examples = "Membahas novel karya Andrea Hirata bersama komunitas pembaca Banjarbaru.")
        String description,
        @NotNull @Schema(examples = "BOOK_DISCUSSION") EventType type,
        @NotNull @Schema(examples = "ALL") Audience audience,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "must be a language tag such as id or en")
        @Schema(description = "BCP 47 language tag", examples = "id") String language,
        @NotNull @Schema(examples = "2026-12-05T11:00:00.000Z") Instant startsAt,
        @NotNull @Schema(examples = "2026-12-05T12:30:00.000Z") Instant endsAt,
        @NotNull @Schema(examples = "ZOOM") Platform platform,
        @NotBlank @Size(max = 2000) @Schema(description = "http or https; shown only to confirmed registrants and staff",
                examples = "https://zoom.us/j/81234567890") String joinUrl,
        @Min(1) @Max(100000) @Schema(nullable = true, description = "Seats; null means unlimited", examples = "50") Integer capacity,
        @Schema(nullable = true, description = "Null: open as soon as published", examples = "2026-11-25T00:00:00.000Z") Instant registrationOpensAt,
        @Schema(nullable = true, description = "Null: open until the event ends", examples = "2026-12-05T10:00:00.000Z") Instant registrationClosesAt,
        @Schema(nullable = true, description = FEEDBACK_SURVEY, examples = "4") Long feedbackSurveyId) {

    static final String FEEDBACK_SURVEY = "The survey that asks for feedback after the event (GET /api/surveys); null "
            + "for the fixed 1-5 rating and comment. It replaces the fixed form: the post-event e-mail links to "
            + "/survei/{id}?token=<manage token> instead. A DRAFT may be attached but must be published before the "
            + "link works; a CLOSED or unknown survey is a 400 naming feedbackSurveyId.";

    /** The request that would give the event its current fields. */
    public static EventRequest of(Event e) {
        return new EventRequest(e.title, e.description, e.type, e.audience, e.language, e.startsAt, e.endsAt,
                e.platform, e.joinUrl, e.capacity, e.registrationOpensAt, e.registrationClosesAt, e.feedbackSurveyId);
    }
}
