package id.serambi.common;

import io.vertx.pgclient.PgException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;

/**
 * The last line of defence for input that validation let through but PostgreSQL refused: a value it cannot store
 * (SQLSTATE class 22: out of range, bad text, a NUL character) or a broken constraint (class 23). The transaction has
 * been rolled back, so nothing was written; the client gets a 4xx problem instead of a 500. Each occurrence is logged
 * as a warning, because the input should have been rejected before it reached the database.
 */
public final class DatabaseProblems {

    private static final Logger LOG = Logger.getLogger(DatabaseProblems.class);

    private DatabaseProblems() {
    }

    /** The problem for a database refusal caused by the request, or null when {@code failure} is something else. */
    static Response of(Throwable failure, String method, String path) {
        String state = sqlState(failure);
        if (state == null) {
            return null;
        }
        Response response;
        if (state.startsWith("22")) {
            response = ProblemResponses.response(400, "invalid-value", "Invalid value",
                    "A value in the request cannot be stored: it is out of range or not valid text", path);
        } else if (state.equals("23514") || state.equals("23502")) {
            response = ProblemResponses.response(400, "invalid-value", "Invalid value",
                    "A value in the request breaks a rule of the data (such as an end before its start)", path);
        } else if (state.equals("23505")) {
            response = ProblemResponses.response(409, "conflict", "Conflict",
                    "This would duplicate something that already exists", path);
        } else if (state.equals("SA001")) {
            // The database's own "at least one admin" rule (migration V40): a demotion or erasure raced another.
            response = ProblemResponses.response(409, "last-admin", "Last admin",
                    "The library must keep at least one admin; make someone else admin first", path);
        } else if (state.equals("23503")) {
            response = ProblemResponses.response(409, "conflict", "Conflict",
                    "This refers to something that does not exist, or is still in use", path);
        } else {
            return null;
        }
        LOG.warnf("%s %s: the database refused the input (SQLSTATE %s): %s", method, path, state, failure.getMessage());
        return response;
    }

    /**
     * Whether {@code failure} is PostgreSQL refusing a duplicate (SQLSTATE 23505, a unique index), however it was
     * wrapped: by the SQL client, by Hibernate, or only in a message.
     */
    public static boolean isUniqueViolation(Throwable failure) {
        if ("23505".equals(sqlState(failure))) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof org.hibernate.exception.ConstraintViolationException constraint
                    && (constraint.getSQLState() == null || "23505".equals(constraint.getSQLState()))
                    || message.contains("23505") || message.toLowerCase(java.util.Locale.ROOT).contains("duplicate key")) {
                return true;
            }
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = null;
            if (t instanceof PgException pg) {
                state = pg.getSqlState();
            } else if (t instanceof JDBCException jdbc) {
                state = jdbc.getSQLState();
            } else if (t instanceof SQLException sql) {
                state = sql.getSQLState();
            }
            if (state != null) {
                return state;
            }
        }
        return null;
    }
}
