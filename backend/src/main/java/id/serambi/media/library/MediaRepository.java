package id.serambi.media.library;

import id.serambi.media.MediaKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Every query on the media library's rows. */
@ApplicationScoped
public class MediaRepository implements PanacheRepository<MediaFile> {

    public record Page(List<MediaFile> items, long total) {
    }

    /** Newest first (id breaks ties), optionally of one kind. */
    public Uni<Page> page(MediaKind kind, int offset, int size) {
        String where = kind == null ? "1 = 1" : "kind = ?1";
        Object[] params = kind == null ? new Object[0] : new Object[] { kind };
        return count(where, params).chain(total -> find(where + " order by createdAt desc, id desc", params)
                .range(offset, offset + size - 1).list().map(items -> new Page(items, total)));
    }

    public Uni<List<MediaFile>> byIds(List<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    public Uni<MediaFile> locked(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The posts past their draft that carry this file. The post_media table belongs to posts, which build on the media
     * library, so the library asks the database rather than the posts' classes.
     */
    public Uni<List<Long>> postsPastDraft(long mediaId) {
        return getSession().chain(s -> s.createNativeQuery("""
                SELECT p.id FROM post_media pm JOIN post p ON p.id = pm.post_id
                WHERE pm.media_id = ?1 AND p.status <> 'DRAFT' ORDER BY p.id""", Long.class)
                .setParameter(1, mediaId).getResultList());
    }

    public Uni<List<MediaFile>> uploadedBy(long userId) {
        return list("uploadedBy = ?1 order by createdAt, id", userId);
    }

    public Uni<Integer> forgetUploader(long userId) {
        return update("uploadedBy = null where uploadedBy = ?1", userId);
    }
}
