package id.serambi.media;

/** What a media file is: an image (JPEG, PNG, WebP) or a short video (MP4). */
public enum MediaKind {
    IMAGE, VIDEO
}
