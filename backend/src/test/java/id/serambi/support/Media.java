package id.serambi.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.util.UUID;

/**
 * Media library rows for tests of posts: since issue 15 a post with an Instagram variant needs an image to be
 * submitted for review. The row is enough for the platform rules (they read its type, size and dimensions); it has no
 * bytes in the store, so it is not served.
 */
public final class Media {

    private static volatile long square;

    private Media() {
    }

    /** The id of a 1080×1080 JPEG of 200 KB, which every platform's rules accept; one per test run. */
    public static long squareJpeg() {
        AgroalDataSource db = Arc.container().instance(AgroalDataSource.class).get();
        long id = square;
        if (id != 0 && Accounts.count(db, "SELECT count(*) FROM media_file WHERE id = ?", id) == 1) {
            return id;
        }
        String name = UUID.randomUUID().toString().replace("-", "") + ".jpg";
        id = Accounts.count(db, """
                INSERT INTO media_file (public_name, file_name, content_type, kind, size_bytes, width, height, sha256)
                VALUES (?, 'persegi.jpg', 'image/jpeg', 'IMAGE', 204800, 1080, 1080, repeat('0', 64)) RETURNING id""", name);
        square = id;
        return id;
    }
}
