package id.serambi.campaign.planning;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Every query on campaigns. Callers chain these on their own session or transaction. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepository<Campaign> {

    /** The campaign, its row locked until the transaction ends; a null item when none. */
    public Uni<Campaign> locked(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every campaign, the newest period first. */
    public Uni<List<Campaign>> newestFirst() {
        return findAll(Sort.descending("startsOn").and("id", Sort.Direction.Descending)).list();
    }

    /** The campaigns by id. */
    public Uni<List<Campaign>> byIds(List<Long> ids) {
        return list("id in ?1 order by id", ids);
    }

    public Uni<Boolean> titleTaken(String title) {
        return count("title", title).map(n -> n > 0);
    }
}
