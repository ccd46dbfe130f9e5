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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What happens to a request nothing else handled: a deep link into the SPA (such as /akun) gets index.html, so the
 * client-side router can take over; anything else (an unknown /api route, a missing file) gets a 404 problem.
 */
@ApplicationScoped
public class FallbackRoutes {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FallbackRoutes.class);

    private final ObjectMapper mapper;
    private final Buffer indexHtml;

    private final long maxBodySize;

    private final List<String> surveyAssets;

    private final long maxUploadSize;

    public FallbackRoutes(ObjectMapper mapper,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "serambi.http.max-request-body")
            io.quarkus.runtime.configuration.MemorySize maxBodySize,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size")
            io.quarkus.runtime.configuration.MemorySize maxUploadSize) {
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxUploadSize = maxUploadSize.asLongValue();
        this.indexHtml = loadIndexHtml();
        this.surveyAssets = loadSurveyAssets(mapper);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::rejectOversizedBody); // after SecurityHeaders
        router.route().order(Integer.MAX_VALUE - 10).handler(this::fallback);
    }

    /**
     * Answers an announced oversized body before it is read, as a problem (the body handler would send a bare 413).
     * Request bodies are limited to serambi.http.max-request-body, except uploads to the media library (POST
     * /api/media), which may reach quarkus.http.limits.max-body-size (HTTP's own limit, raised for them).
     */
    private void rejectOversizedBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            long limit = ctx.request().method() == HttpMethod.POST && "/api/media".equals(ctx.normalizedPath())
                    ? maxUploadSize : maxBodySize;
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    ctx.response().putHeader("Connection", "close");
                    send(ctx, ProblemResponses.problem(413, "payload-too-large", "Payload too large",
                            "The request body is larger than " + limit + " bytes", ctx.normalizedPath(), null));
                    return;
                }
            } catch (NumberFormatException e) {
                send(ctx, ProblemResponses.problem(400, "bad-request", "Bad request",
                        "Content-Length is not a number", ctx.normalizedPath(), null));
                return;
            }
        }
        ctx.next();
    }

    /** A failure outside the REST layer (body too large, a bug in a filter): still a problem, never a stack trace. */
    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.failure() instanceof io.vertx.ext.web.handler.HttpException http) {
            status = http.getStatusCode();
        }
        if (status < 400) {
            status = 500;
        }
        if (DatabaseUnavailable.causes(ctx.failure()) && !ctx.response().headWritten()) {
            LOG.warnf("Database unavailable on %s %s", ctx.request().method(), ctx.normalizedPath());
            ctx.response().putHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER);
            send(ctx, DatabaseUnavailable.problem(ctx.normalizedPath()));
            return;
        }
        if (status >= 500) {
            LOG.error("Request " + ctx.request().method() + " " + ctx.normalizedPath() + " failed", ctx.failure());
        }
        if (ctx.response().headWritten()) {
            ctx.response().close();
            return;
        }
        String path = ctx.normalizedPath();
        String title = status == 413 ? "Payload too large" : status >= 500 ? "Internal error" : "Bad request";
        String slug = status == 413 ? "payload-too-large" : status >= 500 ? "internal" : "http-" + status;
        String detail = status == 413 ? "The request body is too large"
                : status >= 500 ? "Something went wrong on our side; it has been logged" : "The request failed";
        send(ctx, ProblemResponses.problem(status, slug, title, detail, path, null));
    }

    private void send(RoutingContext ctx, Problem problem) {
        try {
            ctx.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Buffer.buffer(mapper.writeValueAsBytes(problem)));
        } catch (IOException e) {
            ctx.response().setStatusCode(500).end();
        }
    }

    private void fallback(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (indexHtml != null && isSpaDeepLink(ctx, path)) {
            String links = linksFor(path, ctx.request().query(), surveyAssets);
            if (links != null) {
                ctx.response().putHeader("Link", links);
            }
            ctx.response()
                    // spelt as the static files' type, which the server's gzip recognises (B7: a deep link was sent
                    // uncompressed)
                    .putHeader("Content-Type", "text/html;charset=UTF-8")
                    .putHeader("Cache-Control", "no-cache")
                    .end(ctx.request().method() == HttpMethod.HEAD ? Buffer.buffer() : indexHtml);
            return;
        }
        send(ctx, ProblemResponses.problem(404, "not-found", "Not found", "No resource at " + path, path, null));
    }

    /**
     * The API response a deep link's page needs first, for the browser to fetch while the app's scripts arrive (B7:
     * on a slow phone the event page's data otherwise waits for them, ~3 s): an event page needs its event. The SPA
     * asks for it as the preload was made (features/events/catalogue/api.ts), so the browser uses the preloaded copy.
     */
    static String preloadFor(String path) {
        var event = EVENT_PAGE.matcher(path);
        return event.matches() ? "/api/events/" + event.group(1) : null;
    }

    /**
     * The Link header of a deep link's HTML, or null: an event page's event (above); a survey page's script, style and
     * later messages ({@code assets}, from the build's route-preloads.json), and its form when the link carries no
     * query (a shared link: the SPA then asks for exactly {@code /api/surveys/{id}/form}; with a token, an event or a
     * challenge it asks with those, so nothing is preloaded that it would not use).
     */
    static String linksFor(String path, String query, List<String> assets) {
        String event = preloadFor(path);
        if (event != null) {
            return "<" + event + ">; rel=preload; as=fetch; crossorigin";
        }
        var survey = SURVEY_PAGE.matcher(path);
        if (!survey.matches()) {
            return null;
        }
        List<String> links = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            links.add("</api/surveys/" + survey.group(1) + "/form>; rel=preload; as=fetch; crossorigin");
        }
        for (String asset : assets) {
            links.add("<" + asset + ">; " + (asset.endsWith(".css") ? "rel=preload; as=style; crossorigin" : "rel=modulepreload"));
        }
        return links.isEmpty() ? null : String.join(", ", links);
    }

    /** The SPA's survey page, /survei/{id} (digits only, as its route). */
    private static final Pattern SURVEY_PAGE = Pattern.compile("/survei/([1-9][0-9]{0,17})");

    /** The SPA's event page, /acara/{id} (digits only, as its route; a longer number is no event). */
    private static final Pattern EVENT_PAGE = Pattern.compile("/acara/([1-9][0-9]{0,17})");

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

    /** The survey page's assets the build listed (frontend/vite.config.ts, routePreloads); none without a built SPA. */
    private static List<String> loadSurveyAssets(ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/resources/route-preloads.json")) {
            if (in == null) {
                return List.of();
            }
            List<String> assets = new ArrayList<>();
            mapper.readTree(in).path("survey").forEach(node -> {
                if (node.asText().matches("/assets/[\\w.-]+\\.(js|css)")) {
                    assets.add(node.asText());
                }
            });
            return List.copyOf(assets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
