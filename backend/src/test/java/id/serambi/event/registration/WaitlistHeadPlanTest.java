package id.serambi.event.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The promotion of a cancellation reads the head of the line from the waitlist's own index, whatever plan PostgreSQL
 * picks (issue 21's soak: written with {@code event_id =} and {@code IN (...)}, a promotion walked the primary key from
 * the table's first registration, or hashed a sequential scan of it, and grew from 1.8 to 11 ms in 20 minutes). Seeded
 * as the soak leaves a full event: its confirmed and cancelled registrations first, interleaved with other events',
 * and its waitlist after them. Both plans PostgreSQL may use for the prepared statement are checked: the custom one
 * (the parameters' values known) and the generic one (the LIMIT a parameter).
 */
@QuarkusTest
class WaitlistHeadPlanTest {

    @Inject
    AgroalDataSource db;

    private long event(String staff) {
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("capacity", 100);
        return EventFixtures.published(staff, body);
    }

    /** PROMOTE's plan for the event, as EXPLAIN's JSON text, with plan_cache_mode set; nothing is changed. */
    private String plan(long eventId, String planCacheMode) throws Exception {
        String sql = RegistrationRepository.PROMOTE.replace(":event", "$1").replace(":max", "$2");
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                st.execute("PREPARE head_plan(bigint, int) AS " + sql);
                st.execute("SET LOCAL plan_cache_mode = " + planCacheMode);
                StringBuilder text = new StringBuilder();
                try (ResultSet rs = st.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE head_plan(" + eventId + ", 1)")) {
                    while (rs.next()) {
                        text.append(rs.getString(1));
                    }
                }
                return text.toString();
            } finally {
                c.rollback();
                st.execute("DEALLOCATE ALL");
            }
        }
    }

    @Test
    void theHeadOfTheLineComesFromTheWaitlistIndexInEveryPlan() throws Exception {
        String staff = Staff.token();
        long full = event(staff);
        long other = event(staff);
        try (Connection c = db.getConnection(); PreparedStatement seed = c.prepareStatement("""
                INSERT INTO registration (event_id, name, email, status)
                SELECT CASE WHEN g % 2 = 0 THEN ?::bigint ELSE ?::bigint END, 'Antre ' || g,
                       'antre' || g || '.' || ?::text || '@example.org',
                       CASE WHEN g <= 8000 THEN (CASE WHEN g % 10 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END)
                            ELSE 'WAITLISTED' END
                  FROM generate_series(1, 10000) g""");
                Statement st = c.createStatement()) {
            seed.setLong(1, full);
            seed.setLong(2, other);
            seed.setString(3, Accounts.uniqueEmail("head").replace("@", "-"));
            seed.executeUpdate();
            st.execute("ANALYZE registration");
        }

        try {
            checkPlansAndPromotion(full);
        } finally { // the seeded rows go: no other test should meet 4,000 confirmed on a 100-seat event
            try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                    "DELETE FROM registration WHERE event_id IN (?, ?)")) {
                st.setLong(1, full);
                st.setLong(2, other);
                st.executeUpdate();
            }
        }
    }

    private void checkPlansAndPromotion(long full) throws Exception {
        for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
            String plan = plan(full, mode);
            assertTrue(plan.contains("registration_waitlist_idx"), mode + ": the line's head from the waitlist index: " + plan);
            assertFalse(plan.contains("Seq Scan"), mode + ": no sequential scan: " + plan);
        }

        // And it still promotes the earliest waiting, in arrival order.
        List<Long> expected = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id FROM registration WHERE event_id = ? AND status = 'WAITLISTED' ORDER BY id LIMIT 3")) {
            st.setLong(1, full);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    expected.add(rs.getLong(1));
                }
            }
        }
        List<Long> promoted = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                RegistrationRepository.PROMOTE.replace(":event", "?").replace(":max", "?"))) {
            st.setLong(1, full);
            st.setLong(2, full);
            st.setInt(3, 3);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    promoted.add(rs.getLong(1));
                }
            }
        }
        promoted.sort(null);
        assertEquals(expected, promoted);
        assertEquals(3, Accounts.count(db, "SELECT count(*) FROM registration WHERE id IN (?, ?, ?) AND status = 'CONFIRMED'",
                expected.toArray()));
    }
}
