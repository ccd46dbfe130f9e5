package id.serambi.common;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Cache-Control: no-store} (and {@code Pragma: no-cache} for HTTP/1.0 caches) on every response under /api, so
 * that no browser, shared computer or proxy keeps a copy of personal data.
 *
 * <p>The rule is the whole API rather than a list of personal endpoints: personal data is in every authenticated read
 * (/api/me and its export, staff lists, CSV and XLSX exports), behind the secret tokens of public paths
 * (/api/registrations/{token}, guardian consent), in the answers to writes (a registration's answer holds its manage
 * token) and in problems that echo input. A list would miss the next endpoint; nothing under /api is meant for a shared
 * cache. A resource that marks its answer {@code public} (the catalogue's calendar feed) keeps its own Cache-Control;
 * any other (such as {@code private, max-age} on a registration's QR code) becomes no-store.
 * NoStoreTest walks the OpenAPI document and checks every operation.
 *
 * <p>Like {@link SecurityHeaders}, the header is added when the response head is written, so REST answers, problems,
 * event streams and fallback 404s all carry it.
 */
@ApplicationScoped
public class NoStore {

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(ignored -> apply(ctx.response().headers()));
            ctx.next();
        });
    }

    static void apply(MultiMap headers) {
        String own = headers.get("Cache-Control");
        if (own != null && own.toLowerCase(java.util.Locale.ROOT).contains("public")) {
            return;
        }
        headers.set("Cache-Control", "no-store");
        headers.set("Pragma", "no-cache");
    }
}
