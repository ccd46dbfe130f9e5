package id.serambi.common;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SPA's scripts and stylesheets in brotli (issue 17, B7 in bench/RESULTS.md): the build writes each hashed asset
 * also as {@code name.br}, compressed once at brotli's highest quality (frontend/vite.config.ts), about 12 % smaller
 * than the gzip the server makes on the fly. A browser that accepts {@code br} gets that file; any other client gets
 * the plain file, which the server gzips as before. {@link SpaCaching} still sets the one-year caching.
 */
@ApplicationScoped
public class PrecompressedAssets {

    private static final int MAX_REMEMBERED = 2000;

    /** Path -> the brotli bytes, or empty when the build made none (remembered only while the map is small). */
    private final Map<String, Optional<Buffer>> compressed = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        router.getWithRegex("/assets/[\\w.-]+\\.(?:js|css)").order(Integer.MIN_VALUE + 2).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        if (!acceptsBrotli(ctx.request().getHeader("Accept-Encoding"))) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        Optional<Buffer> known = compressed.get(path);
        if (known != null) {
            send(ctx, path, known);
            return;
        }
        ctx.vertx().executeBlocking(() -> load(path), false).onComplete(loaded -> {
            Optional<Buffer> br = loaded.succeeded() ? loaded.result() : Optional.empty();
            if (br.isPresent() || compressed.size() < MAX_REMEMBERED) {
                compressed.putIfAbsent(path, br);
            }
            send(ctx, path, br);
        });
    }

    private static void send(RoutingContext ctx, String path, Optional<Buffer> br) {
        if (br.isEmpty()) {
            ctx.next();
            return;
        }
        ctx.response()
                .putHeader("Content-Type", path.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8")
                .putHeader("Content-Encoding", "br")
                .putHeader("Vary", "Accept-Encoding")
                .end(br.get());
    }

    private static Optional<Buffer> load(String path) throws IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream("META-INF/resources" + path + ".br")) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        }
    }

    /** Whether an Accept-Encoding header lists br, without q=0. */
    static boolean acceptsBrotli(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            if (parts[0].trim().equals("br")) {
                for (int i = 1; i < parts.length; i++) {
                    String param = parts[i].replace(" ", "");
                    if (param.matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
