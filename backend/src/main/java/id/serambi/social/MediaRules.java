package id.serambi.social;

import id.serambi.media.MediaItem;
import id.serambi.media.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One platform's rules for the media of one post, from its publishing documentation. {@link #check} gives the problems
 * in Bahasa Indonesia, the language staff work in; the review step shows them before a post can be submitted.
 *
 * @param mediaRequired  the platform publishes nothing without an image or a video (Instagram)
 * @param maxItems       how many files one post may carry
 * @param mixAllowed     images and videos together in one post
 * @param minAspect      the narrowest width/height allowed (0 = any)
 * @param maxAspect      the widest width/height allowed (0 = any)
 * @param imageTypes     image content types the platform takes
 * @param maxVideoMs     a video's longest duration
 */
public record MediaRules(String platformLabel, boolean mediaRequired, int maxItems, int maxVideos, boolean mixAllowed,
        double minAspect, double maxAspect, Set<String> imageTypes, long maxImageBytes, long maxVideoBytes,
        long maxVideoMs) {

    private static final long MB = 1024L * 1024L;

    /**
     * Instagram Content Publishing: JPEG images up to 8 MB with an aspect ratio between 4:5 and 1.91:1; a post needs
     * media; a carousel holds up to 10 items; Reels videos (MP4) up to 300 MB and 15 minutes.
     */
    public static final MediaRules INSTAGRAM = new MediaRules("Instagram", true, 10, 10, true, 4.0 / 5.0, 1.91,
            Set.of("image/jpeg"), 8 * MB, 300 * MB, 15 * 60_000L);

    /** Facebook Page posts: photos (JPEG, PNG, WebP) up to 10 MB, up to 10 photos or one video (1 GB, 240 minutes). */
    public static final MediaRules FACEBOOK = new MediaRules("Facebook", false, 10, 1, false, 0, 0,
            Set.of("image/jpeg", "image/png", "image/webp"), 10 * MB, 1024 * MB, 240 * 60_000L);

    /** X posts: up to 4 images (JPEG, PNG, WebP, 5 MB each) or one video (MP4, 512 MB, 140 seconds). */
    public static final MediaRules X = new MediaRules("X", false, 4, 1, false, 0, 0,
            Set.of("image/jpeg", "image/png", "image/webp"), 5 * MB, 512 * MB, 140_000L);

    /** The problems with these media on this platform, in Bahasa Indonesia; empty when they may go out. */
    public List<String> check(List<MediaItem> media) {
        List<String> problems = new ArrayList<>();
        if (media.isEmpty()) {
            if (mediaRequired) {
                problems.add(platformLabel + " memerlukan setidaknya satu gambar atau video.");
            }
            return problems;
        }
        if (media.size() > maxItems) {
            problems.add(platformLabel + " menerima paling banyak " + maxItems + " berkas per unggahan (ada "
                    + media.size() + ").");
        }
        long videos = media.stream().filter(m -> m.kind() == MediaKind.VIDEO).count();
        if (videos > maxVideos) {
            problems.add(platformLabel + " menerima paling banyak " + maxVideos + " video per unggahan.");
        }
        if (!mixAllowed && videos > 0 && videos < media.size()) {
            problems.add(platformLabel + " tidak bisa menggabungkan gambar dan video dalam satu unggahan.");
        }
        for (MediaItem m : media) {
            String name = "\"" + m.fileName() + "\"";
            if (m.kind() == MediaKind.IMAGE) {
                if (!imageTypes.contains(m.contentType())) {
                    problems.add(platformLabel + " tidak menerima gambar " + m.contentType() + " (" + name + "); gunakan "
                            + String.join(" atau ", imageTypes.stream().sorted().map(t -> t.substring(6).toUpperCase(Locale.ROOT)).toList())
                            + ".");
                }
                if (m.sizeBytes() > maxImageBytes) {
                    problems.add(name + " terlalu besar untuk " + platformLabel + ": " + megabytes(m.sizeBytes())
                            + " MB, paling besar " + megabytes(maxImageBytes) + " MB.");
                }
            } else {
                if (m.sizeBytes() > maxVideoBytes) {
                    problems.add(name + " terlalu besar untuk " + platformLabel + ": " + megabytes(m.sizeBytes())
                            + " MB, paling besar " + megabytes(maxVideoBytes) + " MB.");
                }
                if (m.durationMs() != null && m.durationMs() > maxVideoMs) {
                    problems.add(name + " terlalu panjang untuk " + platformLabel + ": " + (m.durationMs() / 1000)
                            + " detik, paling lama " + (maxVideoMs / 1000) + " detik.");
                }
            }
            if (minAspect > 0 && m.height() > 0
                    && (m.aspectRatio() < minAspect - 0.005 || m.aspectRatio() > maxAspect + 0.005)) {
                problems.add(name + " berukuran " + m.width() + "×" + m.height() + ": " + platformLabel
                        + " memerlukan rasio antara 4:5 (tegak) dan 1,91:1 (melebar).");
            }
        }
        return problems;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) MB).replace('.', ',');
    }
}
