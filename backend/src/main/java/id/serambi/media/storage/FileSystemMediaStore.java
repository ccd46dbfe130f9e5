package id.serambi.media.storage;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.FileSystemException;
import io.vertx.core.file.OpenOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The media store on the local filesystem (serambi.media.directory), through Vert.x's asynchronous file system. A file
 * is first copied to a temporary name in the same directory, then moved into place atomically, so a reader never sees
 * half a file and a failed copy leaves only a temporary file, which is removed.
 */
@ApplicationScoped
public class FileSystemMediaStore implements MediaStore {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(FileSystemMediaStore.class);

    private final Vertx vertx;
    private final Path directory;

    public FileSystemMediaStore(Vertx vertx, MediaSettings settings) {
        this.vertx = vertx;
        this.directory = Path.of(settings.directory()).toAbsolutePath().normalize();
    }

    void createDirectory(@Observes StartupEvent ignored) {
        vertx.fileSystem().mkdirsBlocking(directory.toString());
        LOG.infof("Media files are kept in %s", directory);
    }

    @Override
    public Uni<Void> put(String name, String source) {
        FileSystem fs = vertx.fileSystem();
        String target = path(name);
        String temporary = directory.resolve(".upload-" + UUID.randomUUID() + ".part").toString();
        return uni(() -> fs.mkdirs(directory.toString())
                .compose(v -> fs.copy(source, temporary))
                .compose(v -> fs.move(temporary, target, new CopyOptions().setAtomicMove(true)))
                .recover(failure -> fs.delete(temporary).otherwiseEmpty().compose(v -> Future.failedFuture(failure))));
    }

    @Override
    public Uni<Opened> open(String name) {
        FileSystem fs = vertx.fileSystem();
        String path = path(name);
        return uni(() -> fs.props(path).compose(props -> fs.open(path, new OpenOptions().setRead(true).setWrite(false)
                .setCreate(false)).map(file -> new Opened(file, props.size())))
                .recover(failure -> missing(failure) ? Future.succeededFuture() : Future.failedFuture(failure)));
    }

    @Override
    public Uni<Buffer> read(String name) {
        return uni(() -> vertx.fileSystem().readFile(path(name)));
    }

    @Override
    public Uni<Void> delete(String name) {
        return uni(() -> vertx.fileSystem().delete(path(name))
                .recover(failure -> missing(failure) ? Future.succeededFuture() : Future.failedFuture(failure)));
    }

    /** The file's path; the name is never a path of its own (the library generates names of a fixed pattern). */
    private String path(String name) {
        Path resolved = directory.resolve(name).normalize();
        if (!resolved.getParent().equals(directory) || name.startsWith(".")) {
            throw new IllegalArgumentException("Not a media file name: " + name);
        }
        return resolved.toString();
    }

    private static boolean missing(Throwable failure) {
        return failure instanceof FileSystemException && failure.getCause() instanceof NoSuchFileException;
    }

    private static <T> Uni<T> uni(Supplier<Future<T>> future) {
        return Uni.createFrom().completionStage(() -> future.get().toCompletionStage());
    }
}
