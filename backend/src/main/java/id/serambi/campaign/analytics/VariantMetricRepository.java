package id.serambi.campaign.analytics;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The variants' metric snapshots. */
@ApplicationScoped
public class VariantMetricRepository implements PanacheRepository<VariantMetric> {

    /** The latest snapshot per variant, by variant id; a variant without one is absent. */
    public Uni<Map<Long, VariantMetric>> latest(List<Long> variantIds) {
        if (variantIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("variantId in ?1 order by capturedAt desc, id desc", variantIds).map(all -> {
            Map<Long, VariantMetric> latest = new HashMap<>();
            all.forEach(m -> latest.putIfAbsent(m.variantId, m));
            return latest;
        });
    }
}
