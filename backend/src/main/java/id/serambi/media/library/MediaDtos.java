package id.serambi.media.library;

import id.serambi.media.MediaKind;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The media library as the API sees it. */
public final class MediaDtos {

    private MediaDtos() {
    }

    @Schema(name = "MediaFile")
    public record MediaView(long id, @Schema(examples = "IMAGE") MediaKind kind,
            @Schema(description = "Detected from the bytes", examples = "image/jpeg") String contentType,
            @Schema(description = "As uploaded", examples = "poster-literasi.jpg") String fileName,
            @Schema(examples = "245760") long sizeBytes, @Schema(examples = "1080") int width,
            @Schema(examples = "1350") int height,
            @Schema(description = "A video's length; null for an image", examples = "15000", nullable = true) Long durationMs,
            @Schema(description = "Public, unguessable address (platforms fetch media from it)",
                    examples = "https://serambi.id/media/Q2F0YXRhbiBwZXJwdXN0YWthYW4gMDE.jpg") String publicUrl,
            @Schema(description = "SHA-256 of the bytes, hex") String sha256,
            @Schema(description = "Who uploaded it; null once that account is deleted", nullable = true) Long uploadedBy,
            Instant createdAt) {
    }

    @Schema(name = "MediaPage")
    public record MediaPage(List<MediaView> items, int page, int size, long total) {
    }
}
