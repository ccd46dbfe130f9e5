package id.serambi.event.catalogue;

import id.serambi.common.Audience;
import id.serambi.common.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A virtual event. Never leaves the server as is: {@link EventDto} is the public view (no join URL), and
 * {@link StaffEventDto} the staff view.
 */
@Entity
@Table(name = "event")
public class Event extends Timestamps {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "series_id")
    public Long seriesId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @Column(nullable = false)
    public String language;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    @Column(name = "join_url", nullable = false)
    public String joinUrl;

    public Integer capacity;

    /**
     * Seats taken (CONFIRMED and ATTENDED). Hibernate never writes it: only the guarded UPDATEs of the registration
     * capability's {@code RegistrationRepository} do, so a stale entity can never overwrite the count.
     */
    @Column(name = "confirmed_count", insertable = false, updatable = false)
    public int confirmedCount;

    @Column(name = "registration_opens_at")
    public Instant registrationOpensAt;

    @Column(name = "registration_closes_at")
    public Instant registrationClosesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventStatus status = EventStatus.DRAFT;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The survey that asks for feedback after the event (instead of the fixed 1-5 form), or null. */
    @Column(name = "feedback_survey_id")
    public Long feedbackSurveyId;

    @Version
    public int version;

    /** Seats left, or null when the capacity is unlimited. */
    public Integer seatsLeft() {
        return capacity == null ? null : Math.max(0, capacity - confirmedCount);
    }

    /** When registration closes: the configured moment, or else the end of the event. */
    public Instant effectiveRegistrationClose() {
        return registrationClosesAt != null ? registrationClosesAt : endsAt;
    }

    /** Whether a patron may register at this instant. */
    public boolean isRegistrationOpen(Instant now) {
        return status == EventStatus.PUBLISHED && now.isBefore(endsAt)
                && (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && now.isBefore(effectiveRegistrationClose());
    }
}
