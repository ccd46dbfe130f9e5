package id.serambi.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/** A librarian for a test: a fresh staff account, logged in through the real API. */
public final class Staff {

    private Staff() {
    }

    /** The bearer token of a new staff account. */
    public static String token() {
        return Accounts.tokenFor(Arc.container().instance(AgroalDataSource.class).get(), "STAFF");
    }
}
