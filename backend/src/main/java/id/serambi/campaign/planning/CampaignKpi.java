package id.serambi.campaign.planning;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One KPI target of a campaign (at most one per metric). */
@Entity
@Table(name = "campaign_kpi")
public class CampaignKpi extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Enumerated(EnumType.STRING)
    public KpiMetric metric;

    public BigDecimal target;
}
