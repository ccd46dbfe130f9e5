package id.serambi.challenge.leaderboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Live boards for SSE subscribers. Each (board, limit) pair renders its JSON once per change, however many teens
 * watch it, and at most every {@link #TICK_MS} ms, so a burst of logs costs one render and subscribers see a change
 * well within a second.
 */
@ApplicationScoped
public class LeaderboardStreams {

    static final long TICK_MS = 200;
    private static final Logger LOG = Logger.getLogger(LeaderboardStreams.class);

    private final class Stream {
        final long challengeId;
        final String school;
        final int limit;
        final BroadcastProcessor<String> processor = BroadcastProcessor.create();
        final AtomicInteger subscribers = new AtomicInteger();
        /** The board last rendered: after the LISTEN connection returns, boards reload as new instances. */
        volatile Board renderedBoard;
        volatile long renderedChanges = -1;
        volatile String rendered;

        Stream(long challengeId, String school, int limit) {
            this.challengeId = challengeId;
            this.school = school;
            this.limit = limit;
        }
    }

    private final Leaderboard leaderboard;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private long timer = -1;

    public LeaderboardStreams(Leaderboard leaderboard, ObjectMapper mapper, Vertx vertx) {
        this.leaderboard = leaderboard;
        this.mapper = mapper;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(TICK_MS, id -> publishChanges());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The board now, then every change: rendered JSON of a {@link LeaderboardDto} without "me". */
    public Multi<String> follow(long challengeId, String school, int limit) {
        String key = Leaderboard.key(challengeId, school) + "#" + limit;
        Stream stream = streams.computeIfAbsent(key, k -> new Stream(challengeId, school, limit));
        Uni<String> now = leaderboard.board(challengeId, school).map(board -> render(stream, board));
        return Multi.createBy().concatenating().streams(now.toMulti(), stream.processor)
                .onSubscription().invoke(s -> stream.subscribers.incrementAndGet())
                .onTermination().invoke(() -> stream.subscribers.decrementAndGet());
    }

    private void publishChanges() {
        for (Stream stream : streams.values()) {
            if (stream.subscribers.get() <= 0) {
                continue;
            }
            leaderboard.board(stream.challengeId, stream.school).subscribe().with(board -> {
                if (board != stream.renderedBoard || board.changes() != stream.renderedChanges) {
                    stream.processor.onNext(render(stream, board));
                }
            }, e -> LOG.debugf("Board %d not available: %s", stream.challengeId, e.getMessage()));
        }
    }

    private String render(Stream stream, Board board) {
        long changes = board.changes();
        if (board == stream.renderedBoard && changes == stream.renderedChanges && stream.rendered != null) {
            return stream.rendered;
        }
        LeaderboardDto dto = new LeaderboardDto(stream.challengeId, stream.school,
                LeaderboardDto.entries(board.top(stream.limit), 1), board.size(), null);
        try {
            stream.rendered = mapper.writeValueAsString(dto);
            stream.renderedBoard = board;
            stream.renderedChanges = changes;
            return stream.rendered;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
