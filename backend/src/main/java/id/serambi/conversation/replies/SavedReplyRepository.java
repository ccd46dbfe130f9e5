package id.serambi.conversation.replies;

import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** All SQL of saved replies. */
@ApplicationScoped
public class SavedReplyRepository {

    private static final String VIEW = "SELECT id, title, body_id, body_en, updated_at, version FROM conversation_saved_reply";

    public Uni<List<SavedReplyDtos.View>> list() {
        return Panache.getSession().chain(s -> s.createNativeQuery(VIEW + " ORDER BY lower(title), id", Object[].class)
                .getResultList()).map(rows -> rows.stream().map(SavedReplyRepository::view).toList());
    }

    /** The saved reply, or null; {@code lock} takes its row lock. */
    public Uni<SavedReplyDtos.View> find(long id, boolean lock) {
        return Panache.getSession().chain(s -> s.createNativeQuery(VIEW + " WHERE id = :id" + (lock ? " FOR UPDATE" : ""),
                Object[].class).setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : view(rows.get(0)));
    }

    /** Whether another saved reply has this title (in any letter case). */
    public Uni<Boolean> titleTaken(String title, long exceptId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM conversation_saved_reply WHERE lower(title) = lower(:title) AND id <> :id", Long.class)
                .setParameter("title", title).setParameter("id", exceptId).getSingleResult()).map(n -> n > 0);
    }

    /** Inserts it unless the title is taken (the unique index decides): its id, or null. */
    public Uni<Long> create(SavedReplyDtos.Request r, long authorId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO conversation_saved_reply (title, body_id, body_en, created_by)
                VALUES (:title, :bodyId, :bodyEn, :author)
                ON CONFLICT (lower(title)) DO NOTHING RETURNING id""", Long.class)
                .setParameter("title", r.title().strip()).setParameter("bodyId", r.bodyId().strip())
                .setParameter("bodyEn", r.bodyEn().strip()).setParameter("author", authorId).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    public Uni<Void> update(long id, SavedReplyDtos.Request r) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE conversation_saved_reply
                   SET title = :title, body_id = :bodyId, body_en = :bodyEn, updated_at = now(), version = version + 1
                 WHERE id = :id""")
                .setParameter("title", r.title().strip()).setParameter("bodyId", r.bodyId().strip())
                .setParameter("bodyEn", r.bodyEn().strip()).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    /** Deletes it; whether there was one. */
    public Uni<Boolean> delete(long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM conversation_saved_reply WHERE id = :id")
                .setParameter("id", id).executeUpdate()).map(n -> n > 0);
    }

    private static SavedReplyDtos.View view(Object[] r) {
        return new SavedReplyDtos.View(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                SqlTimes.instant(r[4]), ((Number) r[5]).intValue());
    }
}
