package id.serambi.notification.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One notification for one account (rows are inserted by SQL: see {@link NotificationRepository#insert}). */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "account_id")
    public long accountId;

    public String kind;

    public String title;

    @Column(columnDefinition = "text")
    public String body;

    public String link;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "email_state")
    public String emailState;
}
