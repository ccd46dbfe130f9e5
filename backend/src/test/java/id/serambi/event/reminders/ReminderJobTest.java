package id.serambi.event.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Concurrently;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reminders go out once per confirmed registrant, even when two instances run the job at the same moment. */
@QuarkusTest
class ReminderJobTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    ReminderJob job;

    @Test
    void twoConcurrentRunsSendEachReminderExactlyOnce() throws Throwable {
        String staff = Staff.token();
        Map<String, Object> soon = EventFixtures.body(Instant.now().plusSeconds(3 * 3600));
        soon.put("capacity", 2);
        long soonId = EventFixtures.published(staff, soon);
        String a = Accounts.uniqueEmail("ingat-a");
        String b = Accounts.uniqueEmail("ingat-b");
        String waiting = Accounts.uniqueEmail("ingat-tunggu");
        EventFixtures.register(soonId, "Ani", a);
        EventFixtures.register(soonId, "Bima", b);
        EventFixtures.register(soonId, "Candra", waiting);
        long laterId = EventFixtures.published(staff, EventFixtures.body(Instant.now().plusSeconds(3 * 86400)));
        String later = Accounts.uniqueEmail("ingat-nanti");
        JsonPath laterReg = EventFixtures.register(laterId, "Dina", later);

        Concurrently.twice(() -> job.sendDueReminders());
        VertxContextSupport.subscribeAndAwait(() -> job.sendDueReminders());

        for (String email : List.of(a, b)) {
            List<Mail> reminders = mailbox.getMailsSentTo(email).stream()
                    .filter(m -> m.getSubject().startsWith("Pengingat: ")).toList();
            assertEquals(1, reminders.size(), email);
            assertTrue(reminders.get(0).getSubject().contains("WITA"), reminders.get(0).getSubject());
            assertTrue(reminders.get(0).getText().contains((String) soon.get("joinUrl")));
        }
        assertTrue(mailbox.getMailsSentTo(waiting).stream().noneMatch(m -> m.getSubject().startsWith("Pengingat: ")));
        assertTrue(mailbox.getMailsSentTo(later).stream().noneMatch(m -> m.getSubject().startsWith("Pengingat: ")));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? AND reminder_sent_at IS NOT NULL", soonId));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND reminder_sent_at IS NOT NULL", laterReg.getLong("id")));
    }

    @Test
    void aReminderADayBeforeAndAnotherAnHourBeforeEachGoOutOnce() throws Throwable {
        String staff = Staff.token();
        long id = EventFixtures.published(staff, EventFixtures.body(Instant.now().plusSeconds(5 * 3600)));
        String email = Accounts.uniqueEmail("dua-kali");
        EventFixtures.register(id, "Eka", email);
        VertxContextSupport.subscribeAndAwait(() -> job.sendDueReminders());
        VertxContextSupport.subscribeAndAwait(() -> job.sendDueReminders());
        assertEquals(1, reminders(email));

        // An hour before the start: the last-minute reminder, once.
        Accounts.sql(db, "UPDATE event SET starts_at = now() + interval '40 minutes', ends_at = now() + interval '2 hours' WHERE id = ?", id);
        VertxContextSupport.subscribeAndAwait(() -> job.sendDueReminders());
        VertxContextSupport.subscribeAndAwait(() -> job.sendDueReminders());
        assertEquals(2, reminders(email));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id = ? "
                + "AND reminder_sent_at IS NOT NULL AND hour_reminder_sent_at IS NOT NULL", id));

        // Registering 40 minutes before the start brings one reminder, not two at once.
        long late = EventFixtures.published(staff, EventFixtures.body(Instant.now().plusSeconds(5 * 3600)));
        Accounts.sql(db, "UPDATE event SET starts_at = now() + interval '40 minutes', ends_at = now() + interval '2 hours' WHERE id = ?", late);
        String lateEmail = Accounts.uniqueEmail("telat");
        EventFixtures.register(late, "Fajar", lateEmail);
        VertxContextSupport.subscribeAndAwait(() -> job.sendDueReminders());
        assertEquals(1, reminders(lateEmail));
    }

    private long reminders(String email) {
        return mailbox.getMailsSentTo(email).stream().filter(m -> m.getSubject().startsWith("Pengingat: ")).count();
    }

    @Test
    void endedEventsBecomeCompleted() throws Throwable {
        String staff = Staff.token();
        long id = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = ?", id);
        VertxContextSupport.subscribeAndAwait(() -> job.sendDueReminders());
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM event WHERE id = ? AND status = 'COMPLETED'", id));
    }
}
