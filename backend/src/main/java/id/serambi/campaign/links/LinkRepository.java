package id.serambi.campaign.links;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every query on tracked links and their clicks. The redirect's look-up and the click counter's flush run straight on
 * the pool (no ORM session: they are not part of a request's transaction); the links of variants are written in the
 * post's own transaction (its session), since they point to variant rows not yet committed.
 */
@ApplicationScoped
public class LinkRepository {

    /** A link as the redirect needs it. */
    public record Link(long id, String code, TargetKind kind, Long targetId) {
    }

    /** A variant's link. */
    public record VariantLinkRow(long id, long variantId, String code, TargetKind kind, Long targetId) {
    }

    /** A link a variant should have. */
    public record Wanted(long variantId, TargetKind kind, long targetId) {
    }

    /** Clicks to add to one row of link_click. */
    public record ClickCount(long linkId, LocalDate day, Device device, boolean bot, long clicks) {
    }

    static final String BY_CODE = "SELECT id, code, target_kind, target_id FROM tracked_link WHERE code = $1";

    /**
     * Adds a batch of counts in one statement. A count of a link deleted meanwhile is dropped (its clicks went with it:
     * ON DELETE CASCADE), so one deleted link never blocks the others' counts.
     */
    static final String ADD_CLICKS = """
            INSERT INTO link_click (link_id, day, device, bot, clicks)
            SELECT u.link_id, u.day, u.device, u.bot, u.clicks
              FROM unnest($1::bigint[], $2::date[], $3::text[], $4::boolean[], $5::bigint[])
                   AS u(link_id, day, device, bot, clicks)
              JOIN tracked_link t ON t.id = u.link_id
            ON CONFLICT (link_id, day, device, bot) DO UPDATE SET clicks = link_click.clicks + excluded.clicks""";

    private final Pool pool;

    public LinkRepository(Pool pool) {
        this.pool = pool;
    }

    /** The link with this code, or a null item. */
    public Uni<Link> byCode(String code) {
        return pool.preparedQuery(BY_CODE).execute(Tuple.of(code)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return null;
            }
            Row row = it.next();
            return new Link(row.getLong("id"), row.getString("code"), TargetKind.valueOf(row.getString("target_kind")),
                    row.getLong("target_id"));
        });
    }

    /** Adds the counts (each key at most once) in one upsert; the rows written. */
    public Uni<Integer> addClicks(List<ClickCount> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = batch.size();
        Long[] links = new Long[n];
        LocalDate[] days = new LocalDate[n];
        String[] devices = new String[n];
        Boolean[] bots = new Boolean[n];
        Long[] clicks = new Long[n];
        for (int i = 0; i < n; i++) {
            ClickCount c = batch.get(i);
            links[i] = c.linkId();
            days[i] = c.day();
            devices[i] = c.device().name();
            bots[i] = c.bot();
            clicks[i] = c.clicks();
        }
        return pool.preparedQuery(ADD_CLICKS).execute(Tuple.tuple(Arrays.asList(links, days, devices, bots, clicks)))
                .map(rows -> rows.rowCount());
    }

    /** The links of these variants (in the caller's session), by variant then id. */
    public Uni<List<VariantLinkRow>> ofVariants(Collection<Long> variantIds) {
        if (variantIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT id, variant_id, code, target_kind, target_id FROM tracked_link
                 WHERE variant_id IN (:ids) ORDER BY variant_id, id""", Object[].class)
                .setParameter("ids", List.copyOf(variantIds)).getResultList())
                .map(rows -> rows.stream().map(r -> new VariantLinkRow(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), (String) r[2], TargetKind.valueOf((String) r[3]),
                        r[4] == null ? null : ((Number) r[4]).longValue())).toList());
    }

    /**
     * Creates these variants' links, each with its new code (in the caller's session and transaction). One a variant
     * already has for the target stays as it is, and so does a code already taken (the caller reads back which were
     * made and tries the rest again with other codes).
     */
    public Uni<Integer> createForVariants(List<Wanted> wanted, List<String> codes) {
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO tracked_link (code, target_kind, target_id, variant_id)
                SELECT u.code, u.kind, u.target_id, u.variant_id
                  FROM unnest(string_to_array(:codes, ','), string_to_array(:kinds, ','),
                              cast(string_to_array(:targets, ',') AS bigint[]),
                              cast(string_to_array(:variants, ',') AS bigint[])) AS u(code, kind, target_id, variant_id)
                ON CONFLICT DO NOTHING""")
                .setParameter("codes", String.join(",", codes))
                .setParameter("kinds", wanted.stream().map(w -> w.kind().name()).collect(Collectors.joining(",")))
                .setParameter("targets", wanted.stream().map(w -> String.valueOf(w.targetId())).collect(Collectors.joining(",")))
                .setParameter("variants", wanted.stream().map(w -> String.valueOf(w.variantId())).collect(Collectors.joining(",")))
                .executeUpdate());
    }
}
