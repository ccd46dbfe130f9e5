package id.serambi.campaign.partners;

import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** All SQL of partners. Callers chain these on their own session or transaction. */
@ApplicationScoped
public class PartnerRepository {

    private static final String VIEW = """
            SELECT p.id, p.name, p.kind, p.contact, p.notes,
                   (SELECT count(*) FROM tracked_link l WHERE l.partner_id = p.id) AS links,
                   p.version, p.created_at, p.updated_at
              FROM partner p""";

    /** A page of partners whose name contains {@code query} (any letter case; null or blank: all), by name then id. */
    public Uni<List<PartnerDtos.View>> page(String query, int offset, int size) {
        return Panache.getSession().chain(s -> s.createNativeQuery(VIEW + " WHERE " + NAME_MATCHES
                + " ORDER BY lower(p.name), p.id LIMIT :size OFFSET :offset", Object[].class)
                .setParameter("query", query(query)).setParameter("size", size).setParameter("offset", offset)
                .getResultList()).map(rows -> rows.stream().map(PartnerRepository::view).toList());
    }

    /** How many partners {@link #page} can show for {@code query}. */
    public Uni<Long> count(String query) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*) FROM partner p WHERE " + NAME_MATCHES,
                Long.class).setParameter("query", query(query)).getSingleResult());
    }

    /** No search (a null :query), or the name contains it in any letter case; no character of it is a wildcard. */
    private static final String NAME_MATCHES =
            "(CAST(:query AS text) IS NULL OR strpos(lower(p.name), lower(CAST(:query AS text))) > 0)";

    private static String query(String query) {
        return query == null || query.isBlank() ? null : query.strip();
    }

    /** The partner, or null; {@code lock} takes its row lock until the transaction ends. */
    public Uni<PartnerDtos.View> find(long id, boolean lock) {
        return Panache.getSession().chain(s -> s.createNativeQuery(VIEW + " WHERE p.id = :id" + (lock ? " FOR UPDATE OF p" : ""),
                Object[].class).setParameter("id", id).getResultList())
                .map(rows -> rows.isEmpty() ? null : view(rows.get(0)));
    }

    /** Whether a partner other than {@code exceptId} has this name in any letter case. */
    public Uni<Boolean> nameTaken(String name, long exceptId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM partner WHERE lower(name) = lower(:name) AND id <> :id", Long.class)
                .setParameter("name", name).setParameter("id", exceptId).getSingleResult()).map(n -> n > 0);
    }

    /**
     * Inserts the partner unless its name is taken in any letter case (the unique index on lower(name) decides, so two
     * at once cannot both get it): its id, or null.
     */
    public Uni<Long> create(String name, PartnerKind kind, String contact, String notes) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO partner (name, kind, contact, notes) VALUES (:name, :kind, CAST(:contact AS varchar), CAST(:notes AS varchar))
                ON CONFLICT (lower(name)) DO NOTHING RETURNING id""", Long.class)
                .setParameter("name", name).setParameter("kind", kind.name()).setParameter("contact", contact)
                .setParameter("notes", notes).getResultList())
                .map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    /** Changes the partner and moves its version on. A name taken meanwhile fails with the unique index's error. */
    public Uni<Void> update(long id, String name, PartnerKind kind, String contact, String notes) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE partner SET name = :name, kind = :kind, contact = CAST(:contact AS varchar), notes = CAST(:notes AS varchar),
                       version = version + 1, updated_at = now()
                 WHERE id = :id""")
                .setParameter("name", name).setParameter("kind", kind.name()).setParameter("contact", contact)
                .setParameter("notes", notes).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    /** Deletes the partner; its links and their click counts go with it (ON DELETE CASCADE). Whether there was one. */
    public Uni<Boolean> delete(long id) {
        return Panache.getSession().chain(s -> s.createNativeQuery("DELETE FROM partner WHERE id = :id")
                .setParameter("id", id).executeUpdate()).map(n -> n > 0);
    }

    private static PartnerDtos.View view(Object[] r) {
        return new PartnerDtos.View(((Number) r[0]).longValue(), (String) r[1], PartnerKind.valueOf((String) r[2]),
                (String) r[3], (String) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).intValue(),
                SqlTimes.instant(r[7]), SqlTimes.instant(r[8]));
    }
}
