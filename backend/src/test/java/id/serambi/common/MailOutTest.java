package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a packaged app (launch mode NORMAL, as in this plain JUnit test) treats e-mail: dropped while the mock mailer is
 * on, sent otherwise, and a failed send never fails the caller.
 */
class MailOutTest {

    /** Records what reaches the mailer; fails every send when asked to. */
    static final class Recording implements ReactiveMailer {
        final List<Mail> sent = new ArrayList<>();
        boolean failing;

        @Override
        public Uni<Void> send(Mail... mails) {
            sent.addAll(List.of(mails));
            return failing ? Uni.createFrom().failure(new IllegalStateException("SMTP unreachable"))
                    : Uni.createFrom().voidItem();
        }
    }

    @Test
    void aPackagedAppWithTheMockMailerDropsEveryMail() {
        assertEquals(LaunchMode.NORMAL, LaunchMode.current());
        Recording mailer = new Recording();
        MailOut out = new MailOut(mailer, true);
        out.send(Mail.withText("siti@example.id", "Pendaftaran terkonfirmasi", "Halo"), "test")
                .await().atMost(Duration.ofSeconds(1));
        assertTrue(mailer.sent.isEmpty(), "nothing may reach the mock mailbox, which would keep it forever");
    }

    @Test
    void withARealMailerEveryMailIsSentAndAFailureIsSwallowed() {
        Recording mailer = new Recording();
        MailOut out = new MailOut(mailer, false);
        out.send(Mail.withText("siti@example.id", "Pendaftaran terkonfirmasi", "Halo"), "test")
                .await().atMost(Duration.ofSeconds(1));
        mailer.failing = true;
        assertNull(out.send(Mail.withText("budi@example.id", "Kursi tersedia", "Halo"), "test")
                .await().atMost(Duration.ofSeconds(1)));
        assertEquals(List.of("siti@example.id", "budi@example.id"),
                mailer.sent.stream().map(m -> m.getTo().get(0)).toList());
    }
}
