package id.serambi.campaign.posts;

import id.serambi.campaign.posts.PostDtos.PostFilter;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every query on posts. Callers chain these on their own session or transaction. */
@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {

    /** A page of posts and how many match in all. */
    public record Page(List<Post> items, long total) {
    }

    /** The post, its row locked until the transaction ends ({@code SELECT ... FOR UPDATE}); a null item when none. */
    public Uni<Post> locked(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first; from/to keep posts with a variant scheduled or published in [from, to). */
    public Uni<Page> page(PostFilter f, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.campaignId() != null) {
            where.append(" and p.campaignId = :campaign");
            params.put("campaign", f.campaignId());
        }
        if (f.status() != null) {
            where.append(" and p.status = :status");
            params.put("status", f.status());
        }
        if (f.platform() != null) {
            where.append(" and exists (select 1 from PostVariant pv where pv.postId = p.id and pv.platform = :platform)");
            params.put("platform", f.platform());
        }
        if (f.from() != null || f.to() != null) {
            where.append(" and exists (select 1 from PostVariant v where v.postId = p.id");
            if (f.from() != null) {
                where.append(" and coalesce(v.publishedAt, v.scheduledAt) >= :from");
                params.put("from", f.from());
            }
            if (f.to() != null) {
                where.append(" and coalesce(v.publishedAt, v.scheduledAt) < :to");
                params.put("to", f.to());
            }
            where.append(")");
        }
        return getSession().chain(s -> {
            var count = s.createSelectionQuery("select count(p) from Post p where " + where, Long.class);
            var select = s.createSelectionQuery("from Post p where " + where + " order by p.id desc", Post.class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                select.setParameter(k, v);
            });
            return count.getSingleResult().chain(total -> select.setFirstResult(page * size).setMaxResults(size)
                    .getResultList().map(items -> new Page(items, total)));
        });
    }

    public Uni<Long> countInCampaign(long campaignId) {
        return count("campaignId", campaignId);
    }

    /** Posts per campaign, for the campaigns that have any. */
    public Uni<Map<Long, Long>> countsByCampaign() {
        return getSession().chain(s -> s.createSelectionQuery(
                "select p.campaignId, count(p) from Post p where p.campaignId is not null group by p.campaignId",
                Object[].class).getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1])));
    }

    /**
     * Whether the campaign a post links to exists. The campaign table belongs to campaign planning, which builds on
     * posts, so posts ask the database rather than planning's classes.
     */
    public Uni<Boolean> campaignExists(long campaignId) {
        return getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM campaign WHERE id = ?1", Long.class)
                .setParameter(1, campaignId).getSingleResult()).map(n -> n > 0);
    }

    /** The events the campaigns' posts promote, as [campaign id, event id] pairs, by campaign then event. */
    public Uni<List<long[]>> promotedEvents(List<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return io.smallrye.mutiny.Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createSelectionQuery("select distinct p.campaignId, p.eventId from Post p "
                + "where p.campaignId in :campaigns and p.eventId is not null order by p.campaignId, p.eventId", Object[].class)
                .setParameter("campaigns", campaignIds).getResultList())
                .map(rows -> rows.stream().map(r -> new long[] { (Long) r[0], (Long) r[1] }).toList());
    }
}
