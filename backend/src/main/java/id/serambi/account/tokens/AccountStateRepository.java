package id.serambi.account.tokens;

import id.serambi.account.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** An account's role and token version, read straight from the pool: this runs on every authenticated request. */
@ApplicationScoped
public class AccountStateRepository {

    private final Pool pool;

    public AccountStateRepository(Pool pool) {
        this.pool = pool;
    }

    /** The account's state, or empty when it no longer exists. */
    public Uni<Optional<AccountStates.State>> find(long accountId) {
        return pool.preparedQuery("SELECT role, token_version FROM app_user WHERE id = $1")
                .execute(Tuple.of(accountId))
                .map(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = it.next();
                    return Optional.of(new AccountStates.State(Role.valueOf(row.getString("role")),
                            row.getInteger("token_version")));
                });
    }
}
