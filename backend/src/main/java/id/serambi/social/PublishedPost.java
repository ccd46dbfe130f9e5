package id.serambi.social;

/** Where a post went out: the platform's own id for it, and its permalink. */
public record PublishedPost(String externalId, String permalink) {
}
