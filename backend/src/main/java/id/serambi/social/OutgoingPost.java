package id.serambi.social;

import id.serambi.media.MediaItem;
import java.util.List;

/** What goes out on one platform: the variant's text (hashtags included) and its media, in order. */
public record OutgoingPost(String text, List<MediaItem> media) {
}
