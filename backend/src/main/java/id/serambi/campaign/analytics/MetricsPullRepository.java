package id.serambi.campaign.analytics;

import id.serambi.social.SocialPlatform;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Claims the published variants whose metrics are due to be pulled from their platform. */
@ApplicationScoped
public class MetricsPullRepository {

    /** A variant claimed for this round: its id, its platform and the platform's id of the post. */
    public record Claimed(long variantId, SocialPlatform platform, String externalId) {
    }

    private static final String CLAIM = """
            WITH due AS (
                SELECT v.id FROM post_variant v LEFT JOIN variant_metrics_pull p ON p.variant_id = v.id
                 WHERE v.external_id IS NOT NULL AND v.published_at >= :since
                   AND (p.pulled_at IS NULL OR p.pulled_at < :due)
                 ORDER BY p.pulled_at NULLS FIRST, v.id
                 LIMIT :batch
                   FOR UPDATE OF v SKIP LOCKED),
            claimed AS (
                INSERT INTO variant_metrics_pull (variant_id, pulled_at)
                SELECT id, clock_timestamp() FROM due
                ON CONFLICT (variant_id) DO UPDATE SET pulled_at = EXCLUDED.pulled_at
                 WHERE variant_metrics_pull.pulled_at < :due
                RETURNING variant_id)
            SELECT v.id, v.platform, v.external_id FROM post_variant v JOIN claimed c ON c.variant_id = v.id
             ORDER BY v.id""";

    /**
     * Marks up to {@code batch} variants published since {@code since}, with a platform id and not pulled since
     * {@code due}, as pulled now, and returns them. Variants another instance is claiming are skipped, and a variant
     * another instance claimed meanwhile is not claimed again (ON CONFLICT re-reads the latest row); in a transaction.
     */
    public Uni<List<Claimed>> claim(Instant since, Instant due, int batch) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM, Object[].class)
                .setParameter("since", since).setParameter("due", due).setParameter("batch", batch)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(),
                        SocialPlatform.valueOf((String) r[1]), (String) r[2])).toList());
    }
}
