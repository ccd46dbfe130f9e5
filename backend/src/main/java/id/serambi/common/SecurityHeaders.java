package id.serambi.common;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: the SPA's files and its index.html fallback, the API, problem responses and
 * failures. They are added when the response head is written, so no handler (static files, REST, a failure handler)
 * can answer without them.
 *
 * <ul>
 * <li>The Content-Security-Policy allows scripts, styles and connections from this origin only: no inline script, no
 * eval, no inline style attribute, no plugin, no framing. Vite emits the SPA as external module scripts and CSS files
 * (without its inline module-preload polyfill), and Vue applies {@code :style} bindings through the CSSOM, which CSP
 * does not govern. Images may also be {@code data:} URLs (small assets Vite inlines); check-in QR codes come from the
 * API on this origin.</li>
 * <li>Referrer-Policy is {@code same-origin}: nothing leaves for other sites (a join link, a published post). Pages and
 * API calls that carry a registration's manage token in the path send no referrer at all, not even to this origin.</li>
 * <li>The build's hashed scripts, stylesheets and images (under /assets/, but not SVG, which can run as a document)
 * carry only {@code nosniff} (and HSTS): the document headers have no effect on a subresource.</li>
 * <li>Swagger UI (under /q/swagger-ui) needs an inline script and inline styles: only it gets them. Dev UI (dev mode
 * only) keeps Quarkus' own headers.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "media-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String SWAGGER_CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    void install(@Observes Router router) {
        // First of all routes (FallbackRoutes' own early handler comes after it), so every answer gets the headers.
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean https = "https".equalsIgnoreCase(ctx.request().scheme());
        ctx.addHeadersEndHandler(ignored -> apply(ctx.response().headers(), path, https, ctx.response().getStatusCode()));
        ctx.next();
    }

    static void apply(MultiMap headers, String path, boolean https, int status) {
        if (path.startsWith("/q/dev")) {
            return;
        }
        if (https) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        headers.set("X-Content-Type-Options", "nosniff");
        if (isBuiltAsset(path) && status < 400) {
            // A script, stylesheet or image of the build is never a document: the document headers below do nothing on
            // it, and they were ~500 of its bytes, 3.5 KB of a slow phone's first page (B7, bench/b7.sh).
            return;
        }
        headers.set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_CSP : CSP);
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", carriesManageToken(path) ? "no-referrer" : "same-origin");
        headers.set("Permissions-Policy", PERMISSIONS);
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
    }

    /** A hashed file of the SPA's build (/assets/name-hash.js, .css, an image): a subresource, never a page. */
    static boolean isBuiltAsset(String path) {
        return path.startsWith("/assets/") && !path.endsWith(".html") && !path.endsWith(".svg");
    }

    /** The SPA's manage page, the e-mailed short link and the API paths that hold a registration's secret token. */
    static boolean carriesManageToken(String path) {
        return path.startsWith("/acara/pendaftaran/") || path.startsWith("/pendaftaran/")
                || path.startsWith("/persetujuan/") || path.startsWith("/api/registrations/")
                || path.startsWith("/akun/verifikasi/") || path.startsWith("/api/auth/verify-email/");
    }
}
