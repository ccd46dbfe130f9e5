package id.serambi.campaign;

import io.smallrye.mutiny.Uni;

/**
 * What other features may know of the library's published posts: which post a platform's post id is (the inbox links
 * a comment thread to the post it is about). On the caller's session; nothing here opens a transaction.
 */
public interface PublishedPosts {

    /**
     * A published variant's post: its campaign (with the title), its event if it has one, the start of its text and
     * where it went out.
     */
    record PublishedPost(long postId, Long campaignId, String campaignTitle, Long eventId, String excerpt, String url) {
    }

    /** The post whose variant went out on this platform (FACEBOOK, INSTAGRAM, X) with this id, or a null item. */
    Uni<PublishedPost> byExternalId(String platform, String externalId);
}
