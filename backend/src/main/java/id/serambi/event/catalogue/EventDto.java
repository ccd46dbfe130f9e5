package id.serambi.event.catalogue;

import id.serambi.common.Audience;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as anyone may see it. Never carries the join URL or anything about registrants. */
@Schema(name = "Event")
public record EventDto(
        @Schema(examples = "12") long id,
        @Schema(examples = "Diskusi Buku: Laskar Pelangi") String title,
        String description,
        @Schema(examples = "BOOK_DISCUSSION") EventType type,
        @Schema(examples = "ALL") Audience audience,
        @Schema(examples = "id") String language,
        @Schema(examples = "2026-12-05T11:00:00.000Z") Instant startsAt,
        @Schema(examples = "2026-12-05T12:30:00.000Z") Instant endsAt,
        @Schema(examples = "ZOOM") Platform platform,
        @Schema(nullable = true, description = "Null means unlimited", examples = "50") Integer capacity,
        @Schema(examples = "48") int confirmedCount,
        @Schema(nullable = true, description = "Null when unlimited", examples = "2") Integer seatsLeft,
        @Schema(examples = "0") long waitlistCount,
        @Schema(nullable = true, description = "When registration opens; null: as soon as published") Instant registrationOpensAt,
        @Schema(description = "When registration closes (the end of the event unless set)") Instant registrationClosesAt,
        @Schema(description = "Whether a patron can register right now") boolean registrationOpen,
        @Schema(examples = "PUBLISHED") EventStatus status,
        @Schema(nullable = true, description = "The series the event belongs to; null for a one-off event") Long seriesId,
        @Schema(description = "The event's page in the Serambi web app", examples = "https://serambi.example.id/acara/12")
        String url,
        @Schema(description = "WhatsApp click-to-chat link that shares the event page")
        String whatsappShareUrl) {

    public static EventDto of(Event e, long waitlistCount, EventLinks links) {
        return new EventDto(e.id, e.title, e.description, e.type, e.audience, e.language, e.startsAt, e.endsAt,
                e.platform, e.capacity, e.confirmedCount, e.seatsLeft(), waitlistCount, e.registrationOpensAt,
                e.effectiveRegistrationClose(), e.isRegistrationOpen(Instant.now()), e.status, e.seriesId,
                links.eventPage(e.id), links.whatsappShare(e));
    }
}
