package id.serambi.account.members;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * bcrypt hashing and checking. bcrypt is deliberately slow, so it runs on a worker thread and the result comes back on
 * the caller's Vert.x context, where the Hibernate Reactive session lives.
 */
@ApplicationScoped
public class PasswordHasher {

    /**
     * Compared against when the account does not exist, so that both answers take as long. Computed on first use, on
     * the worker thread that checks the password: not at start-up, where it would cost an event loop a bcrypt round.
     */
    private static final class Dummy {
        static final String HASH = BcryptUtil.bcryptHash("serambi-timing-equaliser");
    }

    private final Vertx vertx;

    public PasswordHasher(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password)), false);
    }

    public Uni<Boolean> matches(String password, String hashOrNull) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            boolean ok = BcryptUtil.matches(password, hashOrNull == null ? Dummy.HASH : hashOrNull);
            return ok && hashOrNull != null;
        }), false);
    }
}
