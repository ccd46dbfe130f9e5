package id.serambi.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The demo challenge is created once, published, with a board that has some life. */
@QuarkusTest
class DemoChallengesTest {

    @Inject
    AgroalDataSource db;

    @Inject
    DemoChallenges demo;

    @Test
    void theDemoChallengeIsSeededOnce() throws Throwable {
        String staff = Accounts.uniqueEmail("staf-demo");
        String teen = Accounts.uniqueEmail("remaja-demo");
        Accounts.register(staff);
        Accounts.register(teen);
        VertxContextSupport.subscribeAndAwait(() -> demo.ensure(staff, teen));
        VertxContextSupport.subscribeAndAwait(() -> demo.ensure(staff, teen));

        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM challenge WHERE title = ? AND status = 'PUBLISHED'",
                DemoChallenges.TITLE));
        long id = Accounts.count(db, "SELECT id FROM challenge WHERE title = ?", DemoChallenges.TITLE);
        assertTrue(Accounts.count(db, "SELECT count(*) FROM participant WHERE challenge_id = ?", id) >= 9);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM participant p WHERE challenge_id = ? AND points <> "
                + "(SELECT coalesce(sum(points), 0) FROM reading_log l WHERE l.participant_id = p.id AND status = 'VALID')", id));
    }
}
