package id.serambi.campaign.partners;

import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * All SQL of a partner's links: the tracked_link rows with partner_id set (a variant's links belong to the links
 * capability). Callers chain these on their own session or transaction.
 */
@ApplicationScoped
public class PartnerLinkRepository {

    /** A partner's link as stored; its title and URL are added by the service. */
    public record Row(long id, String code, PartnerLinkTarget targetKind, Long targetId, Long campaignId, String label,
            Instant createdAt) {
    }

    private static final String ROW = "SELECT id, code, target_kind, target_id, campaign_id, label, created_at FROM tracked_link";

    /** The partner's links, the newest first. */
    public Uni<List<Row>> ofPartner(long partnerId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ROW + " WHERE partner_id = :partner ORDER BY id DESC",
                Object[].class).setParameter("partner", partnerId).getResultList())
                .map(rows -> rows.stream().map(PartnerLinkRepository::row).toList());
    }

    /** The partner's link, or null (also when the link is someone else's). */
    public Uni<Row> find(long partnerId, long linkId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ROW + " WHERE id = :id AND partner_id = :partner",
                Object[].class).setParameter("id", linkId).setParameter("partner", partnerId).getResultList())
                .map(rows -> rows.isEmpty() ? null : row(rows.get(0)));
    }

    /**
     * Inserts the link with this code unless the code is taken (the unique constraint on code decides, without
     * failing the transaction): its row, or null so that the caller can draw another code.
     */
    public Uni<Row> create(long partnerId, String code, PartnerLinkTarget targetKind, Long targetId, Long campaignId,
            String label) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO tracked_link (code, target_kind, target_id, partner_id, campaign_id, label)
                VALUES (:code, :kind, CAST(:target AS bigint), :partner, CAST(:campaign AS bigint), CAST(:label AS varchar))
                ON CONFLICT (code) DO NOTHING
                RETURNING id, code, target_kind, target_id, campaign_id, label, created_at""", Object[].class)
                .setParameter("code", code).setParameter("kind", targetKind.name()).setParameter("target", targetId)
                .setParameter("partner", partnerId).setParameter("campaign", campaignId).setParameter("label", label)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : row(rows.get(0)));
    }

    /** Deletes the partner's link (its click counts go with it); whether there was one. */
    public Uni<Boolean> delete(long partnerId, long linkId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "DELETE FROM tracked_link WHERE id = :id AND partner_id = :partner")
                .setParameter("id", linkId).setParameter("partner", partnerId).executeUpdate()).map(n -> n > 0);
    }

    private static Row row(Object[] r) {
        return new Row(((Number) r[0]).longValue(), (String) r[1], PartnerLinkTarget.valueOf((String) r[2]),
                r[3] == null ? null : ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).longValue(),
                (String) r[5], SqlTimes.instant(r[6]));
    }
}
