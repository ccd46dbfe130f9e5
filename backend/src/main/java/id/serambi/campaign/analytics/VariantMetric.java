package id.serambi.campaign.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A snapshot of one variant's numbers; analytics use the latest snapshot per variant. Null means "not reported". */
@Entity
@Table(name = "variant_metric")
public class VariantMetric extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "variant_id")
    public Long variantId;

    @Column(name = "captured_at", updatable = false)
    public Instant capturedAt;

    public String source;
    public Long impressions;
    public Long reach;
    public Long reactions;
    public Long comments;
    public Long shares;
    public Long saves;
    public Long clicks;

    @Column(name = "video_views")
    public Long videoViews;
}
