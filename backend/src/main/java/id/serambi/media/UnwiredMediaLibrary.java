package id.serambi.media;

import id.serambi.common.ProblemException;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** TEMPORARY (issue 15, until the media library lands): a library with no files. Delete it then. */
@DefaultBean
@ApplicationScoped
public class UnwiredMediaLibrary implements MediaLibrary {

    @Override
    public Uni<List<MediaItem>> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.createFrom().failure(ProblemException.invalidField("mediaIds", "no such media file: " + ids.get(0)));
    }

    @Override
    public Uni<byte[]> content(MediaItem item) {
        return Uni.createFrom().failure(new IllegalStateException("no media library"));
    }
}
