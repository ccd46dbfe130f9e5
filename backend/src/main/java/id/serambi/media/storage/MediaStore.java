package id.serambi.media.storage;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Where the media library's bytes live, by public name. The filesystem implementation keeps them in a directory; an
 * object store (S3, MinIO) could implement the same four operations later. Every method is asynchronous: none blocks
 * the event loop.
 */
public interface MediaStore {

    /**
     * Stores the file at {@code source} (a local temporary file, such as an upload) under {@code name}. All or nothing:
     * a failure leaves no file under the name.
     */
    Uni<Void> put(String name, String source);

    /** The stored file's bytes as a stream, and its size; a null item when there is none. */
    Uni<Opened> open(String name);

    /** The whole file, for platforms that take uploads rather than URLs (X). */
    Uni<Buffer> read(String name);

    /** Removes the file; nothing happens when it does not exist. */
    Uni<Void> delete(String name);

    /** An opened stored file. */
    record Opened(ReadStream<Buffer> stream, long size) {
    }
}
