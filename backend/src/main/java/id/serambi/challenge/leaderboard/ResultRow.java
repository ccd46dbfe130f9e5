package id.serambi.challenge.leaderboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant's line in staff's results: nickname and school, never a name or an e-mail. */
@Schema(name = "ResultRow", requiredProperties = { "rank", "nickname", "points", "books", "pages", "minutes", "hidden" })
public record ResultRow(
        @Schema(nullable = true, description = "Place on the public board; null for a hidden participant", examples = "1") Integer rank,
        @Schema(examples = "KutuBuku88") String nickname,
        @Schema(nullable = true, description = "Null when none was given", examples = "SMP Negeri 1 Banjarbaru") String school,
        int points, int books, int pages, int minutes, boolean hidden) {
}
