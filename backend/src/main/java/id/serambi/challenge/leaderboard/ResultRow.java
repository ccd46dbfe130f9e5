package id.serambi.challenge.leaderboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant's line in staff's results: nickname and school, never a name or an e-mail. */
@Schema(name = "ResultRow", requiredProperties = { "rank", "nickname", "points", "books", "pages", "minutes", "hidden" })
public record ResultRow(Integer rank, String nickname, String school, int points, int books, int pages, int minutes,
        boolean hidden) {
}
