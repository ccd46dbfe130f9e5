package id.serambi.event.catalogue;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import id.serambi.event.Events;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * After a successful write to any resource of the event feature of this instance (the transaction has committed by then), the
 * catalogue's pages are dropped at once, so the writer's next read shows the write; other instances learn of it from
 * the NOTIFY that the database sends on commit.
 */
public class CatalogueWrites {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String FEATURE = Events.class.getPackageName();

    private final CataloguePages pages;

    public CatalogueWrites(CataloguePages pages) {
        this.pages = pages;
    }

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        if (!READS.contains(request.getMethod()) && response.getStatus() < 400 && resource != null
                && resource.getResourceClass() != null
                && isEventFeature(resource.getResourceClass().getPackageName())) {
            pages.changed();
        }
    }

    static boolean isEventFeature(String packageName) {
        return packageName.equals(FEATURE) || packageName.startsWith(FEATURE + ".");
    }
}
