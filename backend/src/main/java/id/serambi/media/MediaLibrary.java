package id.serambi.media;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** What other features may know of the media library: the published interface of the media feature. */
public interface MediaLibrary {

    /**
     * The files with these ids, in the order asked; fails with a 400 problem naming the field {@code mediaIds} when one
     * does not exist. Chain it on the caller's session.
     */
    Uni<List<MediaItem>> byIds(List<Long> ids);

    /**
     * Adds a file to the library from its bytes (demo data, imports), with the checks of an upload: the type from the
     * bytes, the dimensions from the headers, a 415 or 422 problem otherwise. Chain it on the caller's session.
     */
    Uni<MediaItem> add(String fileName, byte[] bytes, Long uploadedBy);

    /** The file's bytes, for platforms that take uploads rather than URLs (X). Does not need a session. */
    Uni<byte[]> content(MediaItem item);
}
