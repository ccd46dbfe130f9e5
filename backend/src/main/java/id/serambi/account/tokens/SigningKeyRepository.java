package id.serambi.account.tokens;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The stored JWT key pair (one row). Read once at start-up, before any request, so these calls wait for their answer
 * (on the start-up thread, never on an event loop).
 */
@ApplicationScoped
public class SigningKeyRepository {

    /** The stored pair: the public key, and the private key as stored (encrypted, or plain text from before). */
    public record StoredPair(String publicPem, String privatePem) {
    }

    static final String STORED_KEY_ID = "default";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Pool pool;

    public SigningKeyRepository(Pool pool) {
        this.pool = pool;
    }

    public Optional<StoredPair> find() {
        RowSet<Row> rows = pool.preparedQuery("SELECT public_pem, private_pem FROM signing_key WHERE id = $1")
                .execute(Tuple.of(STORED_KEY_ID)).await().atMost(WAIT);
        if (!rows.iterator().hasNext()) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        return Optional.of(new StoredPair(row.getString("public_pem"), row.getString("private_pem")));
    }

    /** Stores the pair unless one is there already (two instances starting together: the first insert wins). */
    public void insertIfAbsent(String publicPem, String privatePem) {
        pool.preparedQuery("INSERT INTO signing_key (id, public_pem, private_pem) VALUES ($1, $2, $3) "
                + "ON CONFLICT (id) DO NOTHING")
                .execute(Tuple.of(STORED_KEY_ID, publicPem, privatePem)).await().atMost(WAIT);
    }

    /** Replaces the stored private key, if it is still {@code expected}. */
    public void replacePrivate(String expected, String replacement) {
        pool.preparedQuery("UPDATE signing_key SET private_pem = $2 WHERE id = $1 AND private_pem = $3")
                .execute(Tuple.of(STORED_KEY_ID, replacement, expected)).await().atMost(WAIT);
    }
}
