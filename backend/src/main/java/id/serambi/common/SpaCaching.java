package id.serambi.common;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How browsers keep the web app (issue 17): the page that names the app's files ({@code /} and {@code /index.html})
 * is {@code no-cache}, so a phone asks again (a cheap 304 when nothing changed) and never keeps an old app after an
 * update; the files under {@code /assets/}, whose names carry a hash of their content, are cached for a year as
 * {@code immutable}. Before, {@code /} was served {@code immutable, max-age=86400} like everything static.
 * Deep links into the app get {@code index.html} with {@code no-cache} from {@link FallbackRoutes}.
 */
@ApplicationScoped
public class SpaCaching {

    static final String SHELL = "no-cache";
    static final String HASHED = "public, max-age=31536000, immutable";

    void install(@Observes Router router) {
        router.route("/").order(Integer.MIN_VALUE).handler(ctx -> cache(ctx, SHELL));
        router.route("/index.html").order(Integer.MIN_VALUE).handler(ctx -> cache(ctx, SHELL));
        router.route("/assets/*").order(Integer.MIN_VALUE).handler(ctx -> cache(ctx, HASHED));
    }

    private static void cache(RoutingContext ctx, String policy) {
        ctx.addHeadersEndHandler(ignored -> {
            int status = ctx.response().getStatusCode();
            if (status == 200 || status == 304) {
                ctx.response().headers().set("Cache-Control", policy);
            }
        });
        ctx.next();
    }
}
