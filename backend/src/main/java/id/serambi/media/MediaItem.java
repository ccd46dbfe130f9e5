package id.serambi.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A file in the media library, as other features see it.
 *
 * @param publicUrl   where platforms (Instagram fetches by URL) and browsers get it: under SERAMBI_PUBLIC_URL, with an
 *                    unguessable name
 * @param width       pixels; for a video, its frame width
 * @param durationMs  a video's length; null for an image
 */
public record MediaItem(long id, MediaKind kind, String contentType, String fileName, long sizeBytes, int width,
        int height, @Schema(description = "A video's length; null for an image", nullable = true) Long durationMs,
        String publicUrl) {

    /** Width over height, e.g. 0.8 for 4:5 and 1.91 for a wide link image. */
    public double aspectRatio() {
        return height == 0 ? 0 : (double) width / height;
    }
}
