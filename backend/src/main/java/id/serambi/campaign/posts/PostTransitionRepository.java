package id.serambi.campaign.posts;

import id.serambi.campaign.posts.PostDtos.TransitionView;
import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The posts' audit trail. */
@ApplicationScoped
public class PostTransitionRepository implements PanacheRepository<PostTransition> {

    /** The actor's latest step that wrote or changed the post's text; a null item when there is none. */
    public Uni<PostTransition> lastTextChangeBy(long postId, long actorId) {
        return find("postId = ?1 and actorId = ?2 and textChanged = true order by at desc, id desc", postId, actorId)
                .firstResult();
    }

    /** The post's history, oldest first, with each actor's display name. */
    public Uni<List<TransitionView>> history(long postId) {
        return getSession().chain(s -> s.createNativeQuery("""
                SELECT t.id, t.from_status, t.to_status, t.actor_id, u.display_name, t.note, t.at, t.text_changed
                FROM post_transition t LEFT JOIN app_user u ON u.id = t.actor_id
                WHERE t.post_id = ?1 ORDER BY t.at, t.id""", Object[].class).setParameter(1, postId).getResultList())
                .map(rows -> rows.stream().map(r -> new TransitionView(((Number) r[0]).longValue(),
                        r[1] == null ? null : PostStatus.valueOf((String) r[1]), PostStatus.valueOf((String) r[2]),
                        r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4], (String) r[5],
                        SqlTimes.instant(r[6]), Boolean.TRUE.equals(r[7]))).toList());
    }
}
