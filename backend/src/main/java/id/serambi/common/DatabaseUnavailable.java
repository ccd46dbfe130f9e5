package id.serambi.common;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.Set;

/**
 * Tells a failure caused by the database being away (refused or reset connection, a server shutting down or starting
 * up, no free connection in time) from a bug. Such a request gets a 503 problem with Retry-After, since trying again
 * a little later will work, instead of a 500. Hibernate Reactive and Mutiny wrap these, so the whole cause chain is
 * searched.
 */
public final class DatabaseUnavailable {

    private static final String SLUG = "database-unavailable";
    private static final String TITLE = "Service temporarily unavailable";
    private static final String DETAIL = "The database cannot be reached right now; please try again in a few seconds";

    /** Seconds a client should wait before retrying. */
    public static final String RETRY_AFTER = "5";

    /**
     * SQLSTATEs that mean "the server is not there for you right now": class 08 (connection exception), admin or
     * crash shutdown, cannot connect now (starting up or in recovery), too many connections.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** Messages Vert.x 4 uses for a lost connection or an expired wait for a pooled connection. */
    private static final Set<String> UNAVAILABLE_MESSAGES = Set.of("Timeout", "Timeout waiting for connection",
            "Pool closed", "Connection closed");

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        return causes(failure, 0);
    }

    private static boolean causes(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        if (t instanceof SocketException || t instanceof ClosedConnectionException
                || t instanceof ClosedChannelException || t instanceof ConnectionPoolTooBusyException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(pg.getSqlState()))) {
            return true;
        }
        // Vert.x also fails with bare messages (a NoStackTraceThrowable is not even a VertxException).
        String message = t.getMessage();
        if (t.getClass().getName().startsWith("io.vertx.") && message != null
                && (UNAVAILABLE_MESSAGES.contains(message) || message.startsWith("Connection is not active now"))) {
            return true;
        }
        if (t instanceof CompositeException composite) { // Mutiny: a failure and the failed rollback after it
            for (Throwable cause : composite.getCauses()) {
                if (causes(cause, depth + 1)) {
                    return true;
                }
            }
        }
        return t.getCause() != t && causes(t.getCause(), depth + 1);
    }

    public static Problem problem(String path) {
        return ProblemResponses.problem(503, SLUG, TITLE, DETAIL, path, null);
    }

    public static Response response(String path) {
        return ProblemResponses.response(503, SLUG, TITLE, DETAIL, path, null, Map.of("Retry-After", RETRY_AFTER));
    }
}
