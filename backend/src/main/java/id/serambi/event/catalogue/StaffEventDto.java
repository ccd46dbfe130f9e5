package id.serambi.event.catalogue;

import id.serambi.common.Audience;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as staff see it: everything, including the join URL. */
@Schema(name = "StaffEvent")
public record StaffEventDto(
        @Schema(examples = "12") long id,
        @Schema(examples = "Diskusi Buku: Laskar Pelangi") String title,
        String description,
        @Schema(examples = "BOOK_DISCUSSION") EventType type,
        @Schema(examples = "ALL") Audience audience,
        @Schema(examples = "id") String language,
        @Schema(examples = "2026-12-05T11:00:00.000Z") Instant startsAt,
        @Schema(examples = "2026-12-05T12:30:00.000Z") Instant endsAt,
        @Schema(examples = "ZOOM") Platform platform,
        @Schema(examples = "https://zoom.us/j/81234567890") String joinUrl,
        @Schema(nullable = true, description = "Null means unlimited", examples = "50") Integer capacity,
        @Schema(examples = "48") int confirmedCount,
        @Schema(nullable = true, description = "Null when unlimited", examples = "2") Integer seatsLeft,
        @Schema(examples = "0") long waitlistCount,
        @Schema(nullable = true, description = "Null: open as soon as published") Instant registrationOpensAt,
        @Schema(nullable = true, description = "Null: open until the event ends") Instant registrationClosesAt,
        boolean registrationOpen,
        @Schema(examples = "DRAFT") EventStatus status,
        @Schema(nullable = true, description = "The series the event belongs to; null for a one-off event") Long seriesId,
        String url,
        @Schema(nullable = true, description = "Null while a draft") Instant publishedAt,
        @Schema(nullable = true, description = "Null unless cancelled") Instant cancelledAt,
        @Schema(nullable = true, description = "The survey asking for feedback after the event; null for the fixed 1-5 form",
                examples = "4") Long feedbackSurveyId,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The version to send back as If-Match when changing the event (also its ETag)",
                examples = "3") int version) {

    public static StaffEventDto of(Event e, long waitlistCount, EventLinks links) {
        return new StaffEventDto(e.id, e.title, e.description, e.type, e.audience, e.language, e.startsAt, e.endsAt,
                e.platform, e.joinUrl, e.capacity, e.confirmedCount, e.seatsLeft(), waitlistCount,
                e.registrationOpensAt, e.registrationClosesAt, e.isRegistrationOpen(Instant.now()), e.status,
                e.seriesId, links.eventPage(e.id), e.publishedAt, e.cancelledAt, e.feedbackSurveyId, e.createdAt, e.updatedAt,
                e.version);
    }
}
