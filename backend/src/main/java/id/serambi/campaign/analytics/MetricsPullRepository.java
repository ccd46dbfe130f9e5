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
            UPDATE post_variant v SET metrics_pulled_at = clock_timestamp()
             WHERE v.id IN (SELECT d.id FROM post_variant d
                             WHERE d.external_id IS NOT NULL AND d.published_at >= :since
                               AND (d.metrics_pulled_at IS NULL OR d.metrics_pulled_at < :due)
                             ORDER BY d.metrics_pulled_at NULLS FIRST, d.id
                             LIMIT :batch FOR UPDATE SKIP LOCKED)
               AND (v.metrics_pulled_at IS NULL OR v.metrics_pulled_at < :due)
            RETURNING v.id, v.platform, v.external_id""";

    /**
     * Marks up to {@code batch} variants published since {@code since}, with a platform id and not pulled since
     * {@code due}, as pulled now, and returns them. Rows another instance is claiming are skipped; in a transaction.
     */
    public Uni<List<Claimed>> claim(Instant since, Instant due, int batch) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM, Object[].class)
                .setParameter("since", since).setParameter("due", due).setParameter("batch", batch)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(),
                        SocialPlatform.valueOf((String) r[1]), (String) r[2])).toList());
    }
}
