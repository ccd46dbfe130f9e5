package id.serambi.assistant.answers;

import id.serambi.assistant.knowledge.FaqDtos;
import id.serambi.assistant.knowledge.FaqRepository;
import id.serambi.assistant.knowledge.FaqService;
import id.serambi.assistant.matching.FaqAnalyzers;
import id.serambi.assistant.matching.FaqIndex;
import id.serambi.common.PgNotifications;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * This instance's FAQ index, built from the active entries at start and rebuilt whole after every change of the
 * knowledge base on any instance: each write NOTIFYs {@link FaqRepository#CHANNEL} at commit, and a reconnection of
 * the LISTEN connection (which may have missed some) rebuilds too. Building reads the entries and analyses every
 * phrasing, so it runs on a worker thread, never on the event loop; questions keep reading the previous index until
 * the new one is swapped in. Changes that arrive while a build runs lead to one more build, not one each.
 */
@ApplicationScoped
public class AssistantIndex {

    private static final Logger LOG = Logger.getLogger(AssistantIndex.class);

    /** An index and the entries it was built from, by key; replaced whole, never changed. */
    public record Snapshot(FaqIndex index, Map<String, FaqDtos.View> entries) {
    }

    private final FaqAnalyzers analyzers = new FaqAnalyzers();
    private final PgNotifications notifications;
    private final FaqService faq;
    private final Vertx vertx;
    /** Builds asked for and not yet started; a build takes all of them. */
    private final AtomicInteger wanted = new AtomicInteger();
    private volatile Snapshot current = new Snapshot(FaqIndex.build(analyzers, List.of()), Map.of());

    public AssistantIndex(PgNotifications notifications, FaqService faq, Vertx vertx) {
        this.notifications = notifications;
        this.faq = faq;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        notifications.channel(FaqRepository.CHANNEL).subscribe().with(payload -> changed());
        notifications.reconnects().subscribe().with(tick -> changed());
        changed();
    }

    /** The analysers the index is built with: other answers compare texts the way the matcher does. */
    FaqAnalyzers analyzers() {
        return analyzers;
    }

    /** The index questions are matched against now. */
    public Snapshot current() {
        return current;
    }

    /** Asks for a rebuild; starts one unless one is running (which then runs again). */
    void changed() {
        if (wanted.getAndIncrement() == 0) {
            rebuild();
        }
    }

    private void rebuild() {
        vertx.executeBlocking(() -> {
            int taken = wanted.get();
            long started = System.nanoTime();
            List<FaqDtos.View> entries = active();
            long read = System.nanoTime();
            Snapshot next = build(entries);
            current = next;
            // B10 (bench/b10.sh) reads this line: how long a rebuild takes, and the Lucene index's size.
            LOG.infof("FAQ index rebuilt: %d active entries, %d phrasings; read in %d ms, built in %d ms; Lucene index %d KB",
                    entries.size(), next.index().documents(), (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000,
                    next.index().indexBytes() / 1024);
            return taken;
        }, false).subscribe().with(taken -> {
            if (wanted.addAndGet(-taken) > 0) {
                rebuild();
            }
        }, e -> {
            // The previous index keeps answering; the next change or reconnection tries again.
            LOG.warnf("The FAQ index was not rebuilt: %s", e.getMessage());
            wanted.set(0);
        });
    }

    private List<FaqDtos.View> active() throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(faq::active);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index of these entries: phrasings are the question and its alternatives, the context its answers and tags. */
    Snapshot build(List<FaqDtos.View> entries) {
        List<FaqIndex.Entry> indexed = new ArrayList<>();
        for (FaqDtos.View e : entries) {
            List<String> phrasings = new ArrayList<>(List.of(e.questionId()));
            phrasings.addAll(e.alternatives());
            List<String> context = new ArrayList<>(List.of(e.answerId(), e.answerEn()));
            context.addAll(e.tags());
            indexed.add(new FaqIndex.Entry(e.key(), phrasings, List.of(e.questionEn()), context));
        }
        FaqIndex index = FaqIndex.build(analyzers, indexed);
        return new Snapshot(index, entries.stream().collect(Collectors.toUnmodifiableMap(FaqDtos.View::key, Function.identity())));
    }
}
