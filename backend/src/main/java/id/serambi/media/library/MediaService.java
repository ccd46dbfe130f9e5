package id.serambi.media.library;

import id.serambi.common.PageDto;
import id.serambi.common.ProblemException;
import id.serambi.common.SerambiConfig;
import id.serambi.media.MediaItem;
import id.serambi.media.MediaKind;
import id.serambi.media.MediaLibrary;
import id.serambi.media.library.MediaDtos.MediaPage;
import id.serambi.media.library.MediaDtos.MediaView;
import id.serambi.media.storage.MediaSettings;
import id.serambi.media.storage.MediaStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The media library: uploads, the list, deletion, and the published {@link MediaLibrary} other features use.
 *
 * <p>An upload is probed on a worker thread (type from the bytes, dimensions from the headers), stored under a new
 * random name, and only then recorded; if recording fails the stored file is removed. So a failed upload leaves neither
 * a row nor a file, and a row always has its file.
 */
@ApplicationScoped
public class MediaService implements MediaLibrary {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MediaService.class);

    /** The public names the library generates: 32 URL-safe random characters (192 bits) and the type's extension. */
    public static final Pattern PUBLIC_NAME = Pattern.compile("^[A-Za-z0-9_-]{32}\\.(jpg|png|webp|mp4)$");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MediaRepository files;
    private final MediaStore store;
    private final Vertx vertx;
    private final long maxBytes;
    private final String mediaUrl;

    public MediaService(MediaRepository files, MediaStore store, Vertx vertx, MediaSettings settings,
            SerambiConfig config) {
        this.files = files;
        this.store = store;
        this.vertx = vertx;
        this.maxBytes = settings.maxBytes().asLongValue();
        String url = config.publicUrl();
        this.mediaUrl = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/media/";
    }

    /** Stores an uploaded file (a local temporary file) for the library; 400 empty, 413 too large, 415, 422. */
    public Uni<MediaView> upload(Path file, String originalName, Long uploaderId) {
        return Uni.createFrom().completionStage(() -> vertx.fileSystem().props(file.toString()).toCompletionStage())
                .chain(props -> {
                    if (props.size() == 0) {
                        return Uni.createFrom().failure(ProblemException.badRequest("empty-file", "Empty file",
                                "The uploaded file is empty"));
                    }
                    if (props.size() > maxBytes) {
                        return Uni.createFrom().failure(new ProblemException(413, "file-too-large", "File too large",
                                "The file has " + props.size() + " bytes; at most " + maxBytes + " may be uploaded"));
                    }
                    return Uni.createFrom().completionStage(() -> vertx
                            .executeBlocking(() -> MediaProbe.probe(file), false).toCompletionStage());
                })
                .chain(probe -> {
                    String name = randomName() + "." + probe.extension();
                    MediaFile f = new MediaFile();
                    f.publicName = name;
                    f.fileName = fileName(originalName, probe.extension());
                    f.contentType = probe.contentType();
                    f.kind = probe.kind();
                    f.sizeBytes = probe.sizeBytes();
                    f.width = probe.width();
                    f.height = probe.height();
                    f.durationMs = probe.durationMs();
                    f.sha256 = probe.sha256();
                    f.uploadedBy = uploaderId;
                    f.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return store.put(name, file.toString())
                            .chain(() -> Panache.withTransaction(() -> files.persist(f)))
                            .onFailure().call(e -> store.delete(name).onFailure().recoverWithNull())
                            .map(this::view);
                });
    }

    @WithSession
    public Uni<MediaPage> list(MediaKind kind, PageDto.Request page) {
        return files.page(kind, page.offset(), page.size()).map(found -> new MediaPage(
                found.items().stream().map(this::view).toList(), page.page(), page.size(), found.total()));
    }

    @WithSession
    public Uni<MediaView> get(long id) {
        return files.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Media file", id))
                .map(this::view);
    }

    /**
     * Deletes the file; a draft it is attached to loses it. A post past its draft (in review, approved, scheduled,
     * published) was checked with its media, so the file stays while it is attached to one: 409.
     */
    public Uni<Void> delete(long id) {
        return Panache.withTransaction(() -> files.locked(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Media file", id))
                .chain(f -> files.postsPastDraft(id).chain(posts -> {
                    if (!posts.isEmpty()) {
                        return Uni.createFrom().failure(ProblemException.conflict("media-in-use", "File in use",
                                "Media file " + id + " is attached to post" + (posts.size() > 1 ? "s " : " ")
                                        + posts.stream().map(String::valueOf).collect(Collectors.joining(", "))
                                        + ", which " + (posts.size() > 1 ? "are" : "is")
                                        + " past its draft; take it off the post first"));
                    }
                    return files.delete(f).replaceWith(f.publicName);
                })))
                .call(name -> store.delete(name).onFailure().invoke(e -> LOG.warnf(e,
                        "Media file %s was deleted but its bytes %s could not be removed", id, name))
                        .onFailure().recoverWithNull())
                .replaceWithVoid();
    }

    // --- The published interface ---

    @Override
    @WithSession
    public Uni<List<MediaItem>> byIds(List<Long> ids) {
        if (new HashSet<>(ids).size() < ids.size()) {
            return Uni.createFrom().failure(ProblemException.invalidField("mediaIds", "a file appears twice"));
        }
        return files.byIds(ids).map(found -> {
            Map<Long, MediaFile> byId = new HashMap<>();
            found.forEach(f -> byId.put(f.id, f));
            List<MediaItem> items = new ArrayList<>();
            for (Long id : ids) {
                MediaFile f = byId.get(id);
                if (f == null) {
                    throw ProblemException.invalidField("mediaIds", "no media file with id " + id);
                }
                items.add(item(f));
            }
            return items;
        });
    }

    @Override
    public Uni<MediaItem> add(String fileName, byte[] bytes, Long uploadedBy) {
        io.vertx.core.file.FileSystem fs = vertx.fileSystem();
        return Uni.createFrom().completionStage(() -> fs.createTempFile("serambi-media-", ".part").toCompletionStage())
                .chain(temporary -> Uni.createFrom().completionStage(() -> fs
                        .writeFile(temporary, io.vertx.core.buffer.Buffer.buffer(bytes)).toCompletionStage())
                        .chain(() -> upload(Path.of(temporary), fileName, uploadedBy))
                        .onTermination().call(() -> Uni.createFrom().completionStage(() -> fs.delete(temporary)
                                .otherwiseEmpty().toCompletionStage())))
                .map(view -> new MediaItem(view.id(), view.kind(), view.contentType(), view.fileName(), view.sizeBytes(),
                        view.width(), view.height(), view.durationMs(), view.publicUrl()));
    }

    @Override
    public Uni<byte[]> content(MediaItem item) {
        String name = item.publicUrl().substring(item.publicUrl().lastIndexOf('/') + 1);
        return store.read(name).map(io.vertx.core.buffer.Buffer::getBytes);
    }

    // --- Mapping ---

    private MediaItem item(MediaFile f) {
        return new MediaItem(f.id, f.kind, f.contentType, f.fileName, f.sizeBytes, f.width, f.height, f.durationMs,
                mediaUrl + f.publicName);
    }

    MediaView view(MediaFile f) {
        return new MediaView(f.id, f.kind, f.contentType, f.fileName, f.sizeBytes, f.width, f.height, f.durationMs,
                mediaUrl + f.publicName, f.sha256, f.uploadedBy, f.createdAt);
    }

    static String randomName() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The uploaded name without any path, control characters or excess length; the type's extension if none. */
    static String fileName(String original, String extension) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (name.isEmpty()) {
            name = "berkas." + extension;
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
