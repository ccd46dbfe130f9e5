package id.serambi.challenge.leaderboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.PgNotifications;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The live leaderboards of this instance: a {@link Board} per challenge (and per school), loaded once from the board
 * index and then kept current by the announcements ({@link LeaderboardRepository#ANNOUNCEMENT}) that every instance
 * sends when a participant's totals change. After the LISTEN
 * connection drops and returns, every board is dropped and reloads on next use, so nothing missed stays wrong.
 */
@ApplicationScoped
public class Leaderboard {

    private static final Logger LOG = Logger.getLogger(Leaderboard.class);

    /** A board being loaded collects the updates that arrive meanwhile, and applies them once loaded. */
    private static final class Holder {
        final Board board = new Board();
        final List<Object[]> pending = new ArrayList<>();
        boolean loaded;
        Uni<Board> loading;
    }

    private final LeaderboardRepository repository;
    private final ObjectMapper mapper;
    private final PgNotifications notifications;
    private final Map<String, Holder> boards = new ConcurrentHashMap<>();

    public Leaderboard(LeaderboardRepository repository, ObjectMapper mapper, PgNotifications notifications) {
        this.repository = repository;
        this.mapper = mapper;
        this.notifications = notifications;
    }

    void listen(@Observes StartupEvent event) {
        notifications.channel(LeaderboardRepository.CHANNEL).subscribe().with(this::received);
        notifications.reconnects().subscribe().with(tick -> boards.clear());
    }

    static String key(long challengeId, String school) {
        return school == null ? "c" + challengeId : "c" + challengeId + "|" + school.strip().toLowerCase(Locale.ROOT);
    }

    /** The participant's 1-based rank on the challenge's board, or 0 when they are not on it (hidden). */
    public Uni<Integer> rankOf(long challengeId, long participantId) {
        return board(challengeId, null).map(board -> board.rankOf(participantId));
    }

    /** The board of a challenge, or of one school in it (school null: the whole challenge). */
    Uni<Board> board(long challengeId, String school) {
        Holder holder = boards.computeIfAbsent(key(challengeId, school), k -> new Holder());
        synchronized (holder) {
            if (holder.loaded) {
                return Uni.createFrom().item(holder.board);
            }
            if (holder.loading == null) {
                holder.loading = load(holder, challengeId, school).memoize().indefinitely();
            }
            // Whoever waits for another request's load continues on its own Vert.x context (its own session).
            return onCallersContext(holder.loading);
        }
    }

    /**
     * A shared load completes on whichever context its query came back on (after a reconnect, the new connection's);
     * each waiting request must go on on its own request context, or closing its Hibernate session fails.
     */
    private static Uni<Board> onCallersContext(Uni<Board> loading) {
        io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
        return caller == null ? loading : loading.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private Uni<Board> load(Holder holder, long challengeId, String school) {
        return repository.load(challengeId, school).map(sorted -> {
            synchronized (holder) {
                holder.board.load(sorted);
                for (Object[] update : holder.pending) {
                    holder.board.apply((Board.Entry) update[0], (Boolean) update[1]);
                }
                holder.pending.clear();
                holder.loaded = true;
            }
            return holder.board;
        }).onFailure().invoke(e -> {
            LOG.warnf("Loading leaderboard %s failed: %s", key(challengeId, school), e.getMessage());
            boards.remove(key(challengeId, school), holder);
        });
    }

    private void received(String payload) {
        try {
            JsonNode n = mapper.readTree(payload);
            long challengeId = n.get("c").asLong();
            String school = n.hasNonNull("s") ? n.get("s").asText() : null;
            Board.Entry entry = new Board.Entry(n.get("p").asLong(), n.get("n").asText(), school,
                    n.get("pts").asInt(), n.get("at").asLong(), n.get("r").asLong());
            boolean visible = !n.get("h").asBoolean();
            apply(key(challengeId, null), entry, visible);
            if (school != null) {
                apply(key(challengeId, school), entry, visible);
            }
        } catch (Exception e) {
            LOG.warnf("Ignoring a malformed leaderboard notification: %s", e.getMessage());
        }
    }

    private void apply(String key, Board.Entry entry, boolean visible) {
        Holder holder = boards.get(key);
        if (holder == null) {
            return; // nobody looked at this board yet: it loads fresh when asked
        }
        synchronized (holder) {
            if (holder.loaded) {
                holder.board.apply(entry, visible);
            } else {
                holder.pending.add(new Object[] { entry, visible });
            }
        }
    }
}
