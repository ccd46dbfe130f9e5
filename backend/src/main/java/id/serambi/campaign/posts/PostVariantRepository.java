package id.serambi.campaign.posts;

import id.serambi.social.SocialPlatform;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Every query on post variants, including those of the calendar, the analytics and the metrics import. */
@ApplicationScoped
public class PostVariantRepository implements PanacheRepository<PostVariant> {

    /** A variant with what the calendar and the analytics need of its post. */
    public record Dated(PostVariant variant, PostStatus status, ContentType contentType, Long campaignId) {
    }

    /** The post's variants by platform. */
    public Uni<List<PostVariant>> ofPost(long postId) {
        return list("postId = ?1 order by platform", postId);
    }

    /** The posts' variants by post, then platform. */
    public Uni<List<PostVariant>> ofPosts(List<Long> postIds) {
        return list("postId in ?1 order by postId, platform", postIds);
    }

    /** The post's variant on the platform; a null item when it has none. */
    public Uni<PostVariant> ofPost(long postId, SocialPlatform platform) {
        return find("postId = ?1 and platform = ?2", postId, platform).firstResult();
    }

    /** The platform ids of the variants published on the platform since the time, newest first, at most {@code limit}. */
    public Uni<List<String>> externalIdsPublishedSince(SocialPlatform platform, Instant since, int limit) {
        return find("platform = ?1 and externalId is not null and publishedAt >= ?2 order by publishedAt desc, id desc",
                platform, since).page(0, limit).list().map(list -> list.stream().map(v -> v.externalId).toList());
    }

    public Uni<List<PostVariant>> byIds(List<Long> ids) {
        return list("id in ?1", ids);
    }

    /** Whether a variant of another post was already published at one of these URLs. */
    public Uni<Boolean> publishedElsewhere(List<String> urls, long postId) {
        return count("publishedUrl in ?1 and postId <> ?2", urls, postId).map(n -> n > 0);
    }

    /**
     * Published variants whose URL, normalised as {@code normalisedUrls} are (https, no "www.", "mobile." or "m.", no
     * trailing slash, x.com for twitter.com), is one of them.
     */
    public Uni<List<PostVariant>> publishedAt(List<String> normalisedUrls) {
        return getSession().chain(s -> s.createNativeQuery("""
                SELECT * FROM post_variant WHERE published_url IS NOT NULL
                AND regexp_replace(regexp_replace(rtrim(published_url, '/'), '^https?://(www\\.|mobile\\.|m\\.)?', 'https://', 'i'),
                                   '^https://twitter\\.com/', 'https://x.com/', 'i') IN (:urls)""", PostVariant.class)
                .setParameter("urls", normalisedUrls).getResultList());
    }

    /** Variants going out (at their published time, else their scheduled time) in [start, end). */
    public Uni<List<Dated>> goingOutBetween(Instant start, Instant end) {
        return getSession().chain(s -> s.createSelectionQuery("""
                select v, p.status, p.contentType, p.campaignId from PostVariant v join Post p on p.id = v.postId
                where coalesce(v.publishedAt, v.scheduledAt) >= :start and coalesce(v.publishedAt, v.scheduledAt) < :end""",
                Object[].class).setParameter("start", start).setParameter("end", end).getResultList())
                .map(rows -> rows.stream().map(r -> new Dated((PostVariant) r[0], (PostStatus) r[1], (ContentType) r[2],
                        (Long) r[3])).toList());
    }

    /** Variants of published posts published in [start, end), of one campaign if given, by publication time. */
    public Uni<List<Dated>> publishedBetween(Instant start, Instant end, Long campaignId) {
        String campaignFilter = campaignId == null ? "" : " and p.campaignId = :campaign";
        return getSession().chain(s -> {
            var query = s.createSelectionQuery("select v, p.contentType, p.campaignId from PostVariant v join Post p on p.id = v.postId "
                    + "where p.status = :published and v.publishedAt >= :start and v.publishedAt < :end" + campaignFilter
                    + " order by v.publishedAt, v.id", Object[].class)
                    .setParameter("published", PostStatus.PUBLISHED).setParameter("start", start).setParameter("end", end);
            if (campaignId != null) {
                query.setParameter("campaign", campaignId);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> new Dated((PostVariant) r[0], PostStatus.PUBLISHED, (ContentType) r[1],
                (Long) r[2])).toList());
    }

    /**
     * The post of the variant that went out on this platform with this id, with its campaign's title and its event, or
     * null (the inbox's link from a comment thread to its post).
     */
    public Uni<id.serambi.campaign.PublishedPosts.PublishedPost> publishedPost(String platform, String externalId) {
        return getSession().chain(s -> s.createNativeQuery("""
                SELECT p.id, p.campaign_id, c.title, p.event_id, left(p.body, 120), v.published_url
                  FROM post_variant v JOIN post p ON p.id = v.post_id LEFT JOIN campaign c ON c.id = p.campaign_id
                 WHERE v.platform = :platform AND v.external_id = :external""", Object[].class)
                .setParameter("platform", platform).setParameter("external", externalId).getResultList())
                .map(rows -> rows.isEmpty() ? null : post(rows.get(0)));
    }

    private static id.serambi.campaign.PublishedPosts.PublishedPost post(Object[] r) {
        return new id.serambi.campaign.PublishedPosts.PublishedPost(((Number) r[0]).longValue(),
                r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2],
                r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4], (String) r[5]);
    }
}
