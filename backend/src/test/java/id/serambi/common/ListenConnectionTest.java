package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The LISTEN connection can have a URL of its own (SCALING.md: behind a pooler in transaction mode the listener keeps
 * a direct connection). The test profile gives it one, marked with an application name, and PostgreSQL shows that
 * session listening while the pool's sessions are not it.
 */
@QuarkusTest
class ListenConnectionTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theListenerUsesItsOwnUrlWhenOneIsSet() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String query = "SELECT count(*) FILTER (WHERE application_name = 'serambi-listener' AND query ILIKE 'LISTEN%'), "
                + "count(*) FILTER (WHERE application_name <> 'serambi-listener' AND query ILIKE 'LISTEN%') "
                + "FROM pg_stat_activity WHERE datname = current_database()";
        int own = 0;
        int other = 0;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery(query)) {
                    r.next();
                    own = r.getInt(1);
                    other = r.getInt(2);
                }
                if (own > 0) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        assertTrue(own >= 1, "a session named serambi-listener runs LISTEN");
        assertEquals(0, other, "no other session of this database listens");
    }

    @Test
    void theDataSourceUrlServesWhenNoListenUrlIsSet() {
        assertEquals("postgresql://db:5432/serambi", PgNotifications.listenUri("vertx-reactive:postgresql://db:5432/serambi",
                Optional.empty()));
        assertEquals("postgresql://db:5432/serambi", PgNotifications.listenUri("postgresql://db:5432/serambi",
                Optional.of(" ")));
        assertEquals("postgresql://primary:5432/serambi", PgNotifications.listenUri("postgresql://pgbouncer:6432/serambi",
                Optional.of("postgresql://primary:5432/serambi")));
    }
}
