package id.serambi.campaign.analytics;

import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a funnel reads of the campaign feature's tables (issue 22): the tracked links in scope with their variant or
 * partner, their click counts, and the variants' latest impressions. Registrations and joinings come from the event
 * and challenge features ({@code Events.referrals}, {@code Challenges.referrals}). Every method runs on the caller's
 * session.
 */
@ApplicationScoped
public class FunnelRepository {

    /** A tracked link with what it is counted under: its variant (post, platform) or its partner. */
    public record Link(long id, String code, Long variantId, Long postId, String platform, String excerpt,
            Long partnerId, String partnerName, String partnerKind) {
    }

    /** People's or bots' clicks on one link on one day (summed over the device classes). */
    public record Clicks(long linkId, LocalDate day, boolean bot, long clicks) {
    }

    /** Before and after every click: the bounds of an open-ended period. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9000, 1, 1);

    private static final String LINKS = """
            SELECT l.id, l.code, l.variant_id, v.post_id, v.platform, left(v.text, 80), l.partner_id, pa.name, pa.kind
              FROM tracked_link l
              LEFT JOIN post_variant v ON v.id = l.variant_id
              LEFT JOIN post p ON p.id = v.post_id
              LEFT JOIN partner pa ON pa.id = l.partner_id
             WHERE %s
             ORDER BY l.id""";

    /** A campaign's links: those of its posts' variants, and the partner links filed under it. */
    public Uni<List<Link>> ofCampaign(long campaignId) {
        return links("(p.campaign_id = :id OR l.campaign_id = :id)", campaignId);
    }

    /** Every link to an event: variants' and partners'. */
    public Uni<List<Link>> toEvent(long eventId) {
        return links("l.target_kind = 'EVENT' AND l.target_id = :id", eventId);
    }

    /** A partner's links. */
    public Uni<List<Link>> ofPartner(long partnerId) {
        return links("l.partner_id = :id", partnerId);
    }

    private Uni<List<Link>> links(String where, long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(LINKS.formatted(where), Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> rows.stream().map(r -> new Link(((Number) r[0]).longValue(), (String) r[1], id(r[2]),
                        id(r[3]), (String) r[4], (String) r[5], id(r[6]), (String) r[7], (String) r[8])).toList());
    }

    /** The clicks on these links between two days (both inclusive; null: unbounded), people's and bots' apart. */
    public Uni<List<Clicks>> clicks(List<Long> linkIds, LocalDate from, LocalDate to) {
        if (linkIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT link_id, day, bot, sum(clicks)
                  FROM link_click
                 WHERE link_id = ANY(:ids) AND day >= :from AND day <= :to
                 GROUP BY 1, 2, 3""", Object[].class)
                .setParameter("ids", linkIds.toArray(Long[]::new))
                .setParameter("from", from == null ? EARLIEST : from)
                .setParameter("to", to == null ? LATEST : to).getResultList())
                .map(rows -> rows.stream().map(r -> new Clicks(((Number) r[0]).longValue(), SqlTimes.date(r[1]),
                        Boolean.TRUE.equals(r[2]), ((Number) r[3]).longValue())).toList());
    }

    /**
     * The impressions of each variant's latest metrics snapshot, by variant id; a variant without a snapshot, or whose
     * latest snapshot reported none, is absent.
     */
    public Uni<Map<Long, Long>> impressions(List<Long> variantIds) {
        if (variantIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT DISTINCT ON (variant_id) variant_id, impressions
                  FROM variant_metric
                 WHERE variant_id = ANY(:ids)
                 ORDER BY variant_id, captured_at DESC, id DESC""", Object[].class)
                .setParameter("ids", variantIds.toArray(Long[]::new)).getResultList())
                .map(rows -> {
                    Map<Long, Long> latest = new HashMap<>();
                    rows.forEach(r -> {
                        if (r[1] != null) {
                            latest.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
                        }
                    });
                    return latest;
                });
    }

    /** The campaign's title, or a null item when there is no such campaign. */
    public Uni<String> campaignTitle(long campaignId) {
        return single("SELECT title FROM campaign WHERE id = :id", campaignId);
    }

    /** The partner's name, or a null item when there is no such partner. */
    public Uni<String> partnerName(long partnerId) {
        return single("SELECT name FROM partner WHERE id = :id", partnerId);
    }

    private Uni<String> single(String sql, long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, String.class).setParameter("id", id)
                .getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    private static Long id(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
