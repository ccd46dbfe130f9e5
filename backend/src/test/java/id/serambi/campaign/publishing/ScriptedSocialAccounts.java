package id.serambi.campaign.publishing;

import id.serambi.social.MediaRules;
import id.serambi.social.OutgoingPost;
import id.serambi.social.PostMetrics;
import id.serambi.social.PublishFailure;
import id.serambi.social.PublishedPost;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The social facade as the publishing tests script it (enabled only by {@link PublishingProfile}): which platforms are
 * connected, what each call answers, and every call it got. It stands in for the real facade (branch social), which is
 * tested against WireMock there; the publishing job only sees the facade. Answers are keyed by a marker in the text.
 * Tests reach it through its methods only: they hold a client proxy, whose fields are not the bean's.
 */
@Alternative
@ApplicationScoped
public class ScriptedSocialAccounts implements SocialAccounts {

    final Set<SocialPlatform> connected = Collections.synchronizedSet(EnumSet.noneOf(SocialPlatform.class));
    /** Every publish call, in order: platform + text. */
    final Queue<String> calls = new ConcurrentLinkedQueue<>();
    /** Failures to answer, in order, for texts containing the key; once used up, calls succeed. */
    final Map<String, Queue<PublishFailure>> failures = new ConcurrentHashMap<>();
    /** Texts whose call never answers (an instance that is killed meanwhile). */
    final Set<String> hanging = ConcurrentHashMap.newKeySet();
    volatile Duration delay = Duration.ZERO;
    private final AtomicLong ids = new AtomicLong(1_000);

    void reset() {
        connected.clear();
        calls.clear();
        failures.clear();
        hanging.clear();
        delay = Duration.ZERO;
    }

    void connect(SocialPlatform platform) {
        connected.add(platform);
    }

    void slowDown(Duration by) {
        delay = by;
    }

    void hang(String marker) {
        hanging.add(marker);
    }

    void failNext(String marker, PublishFailure... answers) {
        failures.computeIfAbsent(marker, k -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    List<String> callsWith(String marker) {
        List<String> found = new ArrayList<>();
        for (String c : calls) {
            if (c.contains(marker)) {
                found.add(c);
            }
        }
        return found;
    }

    @Override
    public Uni<Boolean> isConnected(SocialPlatform platform) {
        return Uni.createFrom().item(connected.contains(platform));
    }

    @Override
    public MediaRules mediaRules(SocialPlatform platform) {
        return MediaRules.FACEBOOK;
    }

    @Override
    public Uni<PublishedPost> publish(SocialPlatform platform, OutgoingPost post) {
        calls.add(platform + "|" + post.text());
        if (hanging.stream().anyMatch(post.text()::contains)) {
            return Uni.createFrom().nothing();
        }
        for (Map.Entry<String, Queue<PublishFailure>> e : failures.entrySet()) {
            if (post.text().contains(e.getKey())) {
                PublishFailure f = e.getValue().poll();
                if (f != null) {
                    return Uni.createFrom().failure(f);
                }
            }
        }
        long id = ids.incrementAndGet();
        Uni<PublishedPost> answer = Uni.createFrom().item(new PublishedPost("123456789_" + id,
                "https://www.facebook.com/123456789/posts/" + id));
        return delay.isZero() ? answer : answer.onItem().delayIt().by(delay);
    }

    @Override
    public Uni<PostMetrics> metrics(SocialPlatform platform, String externalId) {
        return Uni.createFrom().failure(new PublishFailure(PublishFailure.Kind.NOT_CONNECTED, "not scripted", null, null));
    }
}
