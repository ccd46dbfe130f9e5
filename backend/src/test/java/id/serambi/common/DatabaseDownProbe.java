package id.serambi.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Test-only: a request whose query goes to a PostgreSQL port where nothing listens, through the real driver, so the
 * failure reaching the REST layer is the one an outage produces.
 */
@Path("/test-probes/database-down")
public class DatabaseDownProbe {

    private final Vertx vertx;

    public DatabaseDownProbe(Vertx vertx) {
        this.vertx = vertx;
    }

    @GET
    @Operation(hidden = true)
    public Uni<String> query(@QueryParam("port") int port) {
        PgPool pool = PgPool.pool(vertx, new PgConnectOptions().setHost("127.0.0.1").setPort(port)
                .setDatabase("serambi").setUser("serambi").setPassword("serambi"), new PoolOptions().setMaxSize(1));
        return pool.query("SELECT 1").execute().map(rows -> "reached").eventually(pool::close);
    }
}
