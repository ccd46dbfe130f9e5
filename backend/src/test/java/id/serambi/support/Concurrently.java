package id.serambi.support;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Runs a job as two instances would: the same call twice at the same moment, each awaited on a context of its own. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Both runs' results, once both ended; a failure of either fails the test. */
    public static <T> List<T> twice(Supplier<Uni<T>> run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<T>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(() -> {
                    try {
                        return VertxContextSupport.subscribeAndAwait(run::get);
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(runs)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
