package id.serambi.social;

import java.time.Instant;
import java.util.List;

/**
 * What to poll on a connected account.
 *
 * @param sinceId X: only posts newer than this id (the last poll's newest), or null for the most recent page
 * @param since   Meta: only comments and messages created at or after this time
 * @param postIds Meta: the library's published posts (their platform ids) whose comments to read
 */
public record PollRequest(String sinceId, Instant since, List<String> postIds) {

    public PollRequest {
        postIds = postIds == null ? List.of() : List.copyOf(postIds);
    }
}
