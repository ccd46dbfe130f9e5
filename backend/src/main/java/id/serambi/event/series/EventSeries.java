package id.serambi.event.series;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Recurring events, such as a monthly book club: each occurrence is an event with this series' id. */
@Entity
@Table(name = "event_series")
public class EventSeries extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
}
