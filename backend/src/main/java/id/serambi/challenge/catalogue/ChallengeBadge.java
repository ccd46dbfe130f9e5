package id.serambi.challenge.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A badge earned at a points threshold, or (threshold null) only through a secret code. */
@Entity
@Table(name = "challenge_badge")
public class ChallengeBadge extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "challenge_id")
    public Long challengeId;

    public String name;

    public Integer threshold;
}
