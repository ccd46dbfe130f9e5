package id.serambi.campaign.planning;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The campaigns' KPI targets. */
@ApplicationScoped
public class CampaignKpiRepository implements PanacheRepository<CampaignKpi> {

    /** Every target, by metric. */
    public Uni<List<CampaignKpi>> allByMetric() {
        return list("order by metric");
    }

    /** The campaign's targets, by metric. */
    public Uni<List<CampaignKpi>> ofCampaign(long campaignId) {
        return list("campaignId = ?1 order by metric", campaignId);
    }

    /** The campaigns' targets, by campaign, then metric. */
    public Uni<List<CampaignKpi>> ofCampaigns(List<Long> campaignIds) {
        return list("campaignId in ?1 order by campaignId, metric", campaignIds);
    }

    public Uni<Long> deleteOfCampaign(long campaignId) {
        return delete("campaignId", campaignId);
    }
}
