package id.serambi.event.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * How the page cache refills (issue 21, B1's tail): after a change announced by NOTIFY one request renders a page
 * again while every other request gets the stale copy at once; after a change made here no request ever gets a page
 * read before it. {@link CataloguePagesTest} shows the same through the API and the database.
 */
class CataloguePagesRefillTest {

    private static final CataloguePages.Key KEY = new CataloguePages.Key(
            new EventRepository.Filter(Set.of(EventStatus.PUBLISHED), null, null, null, null, null, true), 0, 20);

    private final CataloguePages pages = new CataloguePages(null, Duration.ZERO);
    private final AtomicInteger renders = new AtomicInteger();

    /** A render that finishes when the test says so. */
    private final class SlowRender implements Supplier<Uni<CataloguePages.Rendered>> {
        final CompletableFuture<CataloguePages.Rendered> result = new CompletableFuture<>();

        @Override
        public Uni<CataloguePages.Rendered> get() {
            renders.incrementAndGet();
            return Uni.createFrom().completionStage(result);
        }

        void finish(String json) {
            result.complete(rendered(json, Instant.now().plusSeconds(60)));
        }
    }

    private Supplier<Uni<CataloguePages.Rendered>> render(String json, Instant validUntil) {
        return () -> {
            renders.incrementAndGet();
            return Uni.createFrom().item(rendered(json, validUntil));
        };
    }

    private static CataloguePages.Rendered rendered(String json, Instant validUntil) {
        return new CataloguePages.Rendered(json.getBytes(StandardCharsets.UTF_8), validUntil);
    }

    private static UniAssertSubscriber<byte[]> ask(Uni<byte[]> page) {
        return page.subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    private static String text(UniAssertSubscriber<byte[]> answer) {
        return new String(answer.getItem(), StandardCharsets.UTF_8);
    }

    @Test
    void aChangeElsewhereCostsOneRenderWhileTheStaleCopyIsServed() throws Exception {
        assertEquals("v1", text(ask(pages.page(KEY, render("v1", Instant.now().plusSeconds(60)))).assertCompleted()));
        assertEquals("v1", text(ask(pages.page(KEY, render("never", Instant.now().plusSeconds(60)))).assertCompleted()));
        assertEquals(1, renders.get(), "served from memory");

        pages.changedElsewhere();
        SlowRender refill = new SlowRender();
        UniAssertSubscriber<byte[]> first = ask(pages.page(KEY, refill));
        first.assertNotTerminated(); // the first request renders, and waits for its own render

        // 200 requests from 8 threads while the refill runs: each answered at once with the stale copy, none renders.
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(threads.submit(() -> {
                go.await();
                return text(ask(pages.page(KEY, render("crowd", Instant.now().plusSeconds(60)))).assertCompleted());
            }));
        }
        go.countDown();
        for (Future<String> answer : answers) {
            assertEquals("v1", answer.get(10, TimeUnit.SECONDS));
        }
        threads.shutdown();
        assertEquals(2, renders.get(), "one refill, not one per waiting request");

        refill.finish("v2");
        assertEquals("v2", text(first.assertCompleted()));
        assertEquals("v2", text(ask(pages.page(KEY, render("never", Instant.now().plusSeconds(60)))).assertCompleted()));
        assertEquals(2, renders.get());
    }

    @Test
    void aChangeHereIsNeverAnsweredWithAPageReadBeforeIt() {
        ask(pages.page(KEY, render("v1", Instant.now().plusSeconds(60)))).assertCompleted();
        pages.changedElsewhere();
        SlowRender before = new SlowRender(); // a refill that read the data before this instance's write
        UniAssertSubscriber<byte[]> old = ask(pages.page(KEY, before));

        pages.changed(); // this instance served a write
        // The writer's next read renders (it does not get the stale copy, nor wait for the refill that read too early).
        assertEquals("v3", text(ask(pages.page(KEY, render("v3", Instant.now().plusSeconds(60)))).assertCompleted()));

        before.finish("v2"); // the early refill ends: its request gets what it read, but it is not kept over v3
        assertEquals("v2", text(old.assertCompleted()));
        assertEquals("v3", text(ask(pages.page(KEY, render("never", Instant.now().plusSeconds(60)))).assertCompleted()));
    }

    @Test
    void aPageReadBeforeADropIsNotKept() {
        SlowRender early = new SlowRender();
        UniAssertSubscriber<byte[]> answer = ask(pages.page(KEY, early));
        pages.changed();
        early.finish("old");
        assertEquals("old", text(answer.assertCompleted()));
        assertEquals(0, pages.size(), "read before the drop");
        assertEquals("new", text(ask(pages.page(KEY, render("new", Instant.now().plusSeconds(60)))).assertCompleted()));
    }

    @Test
    void anExpiredPageIsRefilledOnceAndAFailedRefillIsTriedAgain() {
        ask(pages.page(KEY, render("v1", Instant.now().minusMillis(1)))).assertCompleted(); // expired at once
        SlowRender refill = new SlowRender();
        UniAssertSubscriber<byte[]> first = ask(pages.page(KEY, refill));
        first.assertNotTerminated();
        assertEquals("v1", text(ask(pages.page(KEY, render("crowd", Instant.now().plusSeconds(60)))).assertCompleted()));
        refill.result.completeExceptionally(new IllegalStateException("the database went away"));
        first.assertFailedWith(IllegalStateException.class);

        // The failed refill let go of its claim: the next request renders again.
        assertEquals("v2", text(ask(pages.page(KEY, render("v2", Instant.now().plusSeconds(60)))).assertCompleted()));
        assertEquals(3, renders.get());
    }

    @Test
    void changesElsewhereRenderAPageAtMostOncePerInterval() {
        CataloguePages paced = new CataloguePages(null, Duration.ofSeconds(30));
        assertEquals("v1", text(ask(paced.page(KEY, render("v1", Instant.now().plusSeconds(60)))).assertCompleted()));
        // A popular event: 100 registrations, each announced, each followed by a read; the page read 0 s ago stays.
        for (int i = 0; i < 100; i++) {
            paced.changedElsewhere();
            assertEquals("v1", text(ask(paced.page(KEY, render("v" + (i + 2), Instant.now().plusSeconds(60))))
                    .assertCompleted()));
        }
        assertEquals(1, renders.get(), "no render within the interval");
        // A change made here is shown at once, interval or not.
        paced.changed();
        assertEquals("mine", text(ask(paced.page(KEY, render("mine", Instant.now().plusSeconds(60)))).assertCompleted()));
        // So is a page's expiry.
        CataloguePages expiring = new CataloguePages(null, Duration.ofSeconds(30));
        ask(expiring.page(KEY, render("open", Instant.now().minusMillis(1)))).assertCompleted();
        expiring.changedElsewhere();
        assertEquals("closed", text(ask(expiring.page(KEY, render("closed", Instant.now().plusSeconds(60)))).assertCompleted()));
    }

    @Test
    void aFullCacheIsEmptied() {
        for (int i = 0; i < CataloguePages.MAX_PAGES; i++) {
            CataloguePages.Key key = new CataloguePages.Key(KEY.filter(), i, 20);
            ask(pages.page(key, render("p" + i, Instant.now().plusSeconds(60)))).assertCompleted();
        }
        assertEquals(CataloguePages.MAX_PAGES, pages.size());
        ask(pages.page(new CataloguePages.Key(KEY.filter(), 9999, 20), render("last", Instant.now().plusSeconds(60))))
                .assertCompleted();
        assertEquals(1, pages.size());
        assertArrayEquals("last".getBytes(StandardCharsets.UTF_8), pages.page(new CataloguePages.Key(KEY.filter(), 9999, 20),
                render("never", Instant.now().plusSeconds(60))).await().indefinitely());
    }
}
