package id.serambi.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What happens to a request nothing else handled: a deep link into the SPA (such as /akun) gets index.html, so the
 * client-side router can take over; anything else (an unknown /api route, a missing file) gets a 404 problem.
 */
@ApplicationScoped
public class FallbackRoutes {

    private final ObjectMapper mapper;
    private final Buffer indexHtml;

    public FallbackRoutes(ObjectMapper mapper) {
        this.mapper = mapper;
        this.indexHtml = loadIndexHtml();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE - 10).handler(this::fallback);
    }

    private void fallback(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (indexHtml != null && isSpaDeepLink(ctx, path)) {
            ctx.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache")
                    .end(ctx.request().method() == HttpMethod.HEAD ? Buffer.buffer() : indexHtml);
            return;
        }
        try {
            Problem problem = ProblemResponses.problem(404, "not-found", "Not found", "No resource at " + path, path,
                    null);
            ctx.response().setStatusCode(404)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(mapper.writeValueAsBytes(problem)));
        } catch (IOException e) {
            ctx.fail(e);
        }
    }

    private static boolean isSpaDeepLink(RoutingContext ctx, String path) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/")) {
            return false;
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        if (lastSegment.contains(".")) {
            return false; // a missing asset such as /assets/app.js is a 404, not the SPA
        }
        String accept = ctx.request().getHeader("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

    private static Buffer loadIndexHtml() {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/resources/index.html")) {
            return in == null ? null : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
