package id.serambi.challenge.leaderboard;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A public leaderboard: nicknames, points and schools only. No names, e-mails, birth years or ages, ever. */
@Schema(name = "Leaderboard", requiredProperties = { "challengeId", "entries", "total" })
public record LeaderboardDto(
        long challengeId,
        @Schema(nullable = true, description = "The school of a per-school board; null for the whole challenge's") String school,
        List<Entry> entries,
        @Schema(description = "Participants on this board (hidden ones are not)") int total,
        @Schema(nullable = true, description = "The caller's place, when a token was sent and they take part; null otherwise, and always null in the stream") Me me) {

    @Schema(name = "LeaderboardEntry", requiredProperties = { "rank", "nickname", "points" })
    public record Entry(@Schema(examples = "1") int rank, @Schema(examples = "KutuBuku88") String nickname,
            @Schema(examples = "320") int points,
            @Schema(nullable = true, description = "Null when the participant gave none", examples = "SMP Negeri 1 Banjarbaru") String school) {
    }

    @Schema(name = "LeaderboardMe", requiredProperties = { "nickname", "points", "hidden", "neighbours" })
    public record Me(@Schema(nullable = true, description = "Null while hidden (or not on the board yet)") Integer rank, String nickname, int points,
            boolean hidden, @Schema(description = "The entries just above and below, with mine") List<Entry> neighbours) {
    }

    static List<Entry> entries(List<Board.Entry> slice, int firstRank) {
        java.util.ArrayList<Entry> out = new java.util.ArrayList<>(slice.size());
        int rank = firstRank;
        for (Board.Entry e : slice) {
            out.add(new Entry(rank++, e.nickname(), e.points(), e.school()));
        }
        return out;
    }
}
