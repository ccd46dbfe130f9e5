package id.serambi.campaign.posts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files attached to each post, in order (table post_media). Chain on the caller's session. */
@ApplicationScoped
public class PostMediaRepository {

    /** The post's media ids, in order. */
    public Uni<List<Long>> ofPost(long postId) {
        return ofPosts(List.of(postId)).map(all -> all.getOrDefault(postId, List.of()));
    }

    /** Each post's media ids, in order; posts without media are absent. */
    public Uni<Map<Long, List<Long>>> ofPosts(List<Long> postIds) {
        if (postIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT post_id, media_id FROM post_media WHERE post_id IN (?1) ORDER BY post_id, position",
                Object[].class).setParameter(1, postIds).getResultList())
                .map(rows -> {
                    Map<Long, List<Long>> byPost = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        byPost.computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.ArrayList<>())
                                .add(((Number) r[1]).longValue());
                    }
                    return byPost;
                });
    }

    /** Replaces the post's media with these, in this order. */
    public Uni<Void> replace(long postId, List<Long> mediaIds) {
        return Panache.getSession().chain(s -> {
            Uni<Integer> chain = s.createNativeQuery("DELETE FROM post_media WHERE post_id = ?1")
                    .setParameter(1, postId).executeUpdate();
            for (int i = 0; i < mediaIds.size(); i++) {
                int position = i;
                chain = chain.chain(() -> s.createNativeQuery(
                        "INSERT INTO post_media (post_id, media_id, position) VALUES (?1, ?2, ?3)")
                        .setParameter(1, postId).setParameter(2, mediaIds.get(position))
                        .setParameter(3, (short) position).executeUpdate());
            }
            return chain.replaceWithVoid();
        });
    }
}
