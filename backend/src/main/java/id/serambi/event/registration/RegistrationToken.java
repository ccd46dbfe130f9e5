package id.serambi.event.registration;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The SHA-256 hash of a manage token; the token itself is never stored. */
@Entity
@Table(name = "registration_token")
public class RegistrationToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", columnDefinition = "char(64)")
    @JdbcTypeCode(SqlTypes.CHAR)
    public String tokenHash;

    @Column(name = "registration_id", nullable = false)
    public Long registrationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt = Instant.now();
}
