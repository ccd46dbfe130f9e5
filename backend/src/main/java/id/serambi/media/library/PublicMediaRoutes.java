package id.serambi.media.library;

import id.serambi.media.storage.MediaStore;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Serves the media library's files at {@code /media/<public name>}, without login: Instagram and Facebook fetch media
 * by URL, and the names are unguessable (192 random bits). Only names of the generated pattern are looked up, so no
 * path (../, an encoded slash, a dot file) ever reaches the store; anything else under /media/ is a 404 problem, never
 * the SPA. The content type follows the extension, which the library chose from the file's detected type; the files
 * never change, so they are cached for a year. The security headers (nosniff, CSP) come from common/SecurityHeaders.
 */
@ApplicationScoped
public class PublicMediaRoutes {

    private static final Map<String, String> TYPES = Map.of("jpg", "image/jpeg", "png", "image/png", "webp",
            "image/webp", "mp4", "video/mp4");

    private final MediaStore store;

    public PublicMediaRoutes(MediaStore store) {
        this.store = store;
    }

    void install(@Observes Router router) {
        router.routeWithRegex("^/media/.*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        String name = path.substring("/media/".length());
        HttpServerResponse response = ctx.response();
        if (!MediaService.PUBLIC_NAME.matcher(name).matches()) {
            notFound(ctx);
            return;
        }
        store.open(name).subscribe().with(opened -> {
            if (opened == null) {
                notFound(ctx);
                return;
            }
            response.putHeader("Content-Type", TYPES.get(name.substring(name.lastIndexOf('.') + 1)))
                    .putHeader("Content-Length", String.valueOf(opened.size()))
                    .putHeader("Cache-Control", "public, max-age=31536000, immutable")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Content-Disposition", "inline");
            if (ctx.request().method() == HttpMethod.HEAD) {
                opened.stream().pause();
                if (opened.stream() instanceof io.vertx.core.file.AsyncFile file) {
                    file.close();
                }
                response.end();
                return;
            }
            opened.stream().pipeTo(response);
        }, ctx::fail);
    }

    private static void notFound(RoutingContext ctx) {
        ctx.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                .putHeader("Cache-Control", "no-store")
                .end("{\"type\":\"https://serambi.id/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"No media file here\"}");
    }
}
