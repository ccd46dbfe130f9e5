package id.serambi.event.registration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.campaign.links.LinkCodes;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, erasure: the link's code goes with the personal data on every path that erases or anonymises a
 * registration: the guest's erasure through the manage link, the member's erasure of their account (DELETE /api/me),
 * and the guests' retention purge. Each is read back from the database; a registration not erased keeps its code.
 */
@QuarkusTest
class AttributionErasureTest {

    @Inject
    AgroalDataSource db;

    @Inject
    GuestDataPurgeJob purge;

    private long event(String staff) {
        return EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
    }

    private String ref(long registrationId) {
        return Accounts.text(db, "SELECT ref_code FROM registration WHERE id = ?", registrationId);
    }

    @Test
    void theGuestsErasureRemovesTheCode() {
        long id = event(Staff.token());
        String code = LinkCodes.generate();
        var erased = ManageLinks.register(id, Map.of("name", "Siti", "email", Accounts.uniqueEmail("hapus"), "ref", code));
        var kept = ManageLinks.register(id, Map.of("name", "Budi", "email", Accounts.uniqueEmail("tetap"), "ref", code));
        assertEquals(code, ref(erased.getLong("id")));
        given().delete("/api/registrations/" + erased.getString("manageToken") + "/personal-data").then().statusCode(204);
        assertNull(ref(erased.getLong("id")));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE id = ? AND name = 'Dihapus'",
                erased.getLong("id")));
        assertEquals(code, ref(kept.getLong("id")));
    }

    @Test
    void theMembersErasureRemovesTheCodeOfTheirRegistrations() {
        long id = event(Staff.token());
        String email = Accounts.uniqueEmail("anggota");
        long user = Accounts.register(email);
        Accounts.sql(db, "UPDATE app_user SET email_verified_at = now() WHERE id = ?", user);
        String token = Accounts.login(email, Accounts.PASSWORD);
        String code = LinkCodes.generate();
        var mine = ManageLinks.register(id, Map.of("name", "Pengguna Uji", "email", email, "ref", code));
        var other = ManageLinks.register(id, Map.of("name", "Tamu", "email", Accounts.uniqueEmail("tamu"), "ref", code));
        assertEquals(code, ref(mine.getLong("id")));
        given().auth().oauth2(token).delete("/api/me").then().statusCode(204);
        assertNull(ref(mine.getLong("id")));
        assertEquals(code, ref(other.getLong("id")));
    }

    @Test
    void theRetentionPurgeRemovesTheCode() throws Throwable {
        String staff = Staff.token();
        long old = event(staff);
        long recent = event(staff);
        String code = LinkCodes.generate();
        var purged = ManageLinks.register(old, Map.of("name", "Lama", "email", Accounts.uniqueEmail("lama"), "ref", code));
        var kept = ManageLinks.register(recent, Map.of("name", "Baru", "email", Accounts.uniqueEmail("baru"), "ref", code));
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '181 days' - interval '2 hours', "
                + "ends_at = now() - interval '181 days', status = 'COMPLETED' WHERE id = ?", old);
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '179 days' - interval '2 hours', "
                + "ends_at = now() - interval '179 days', status = 'COMPLETED' WHERE id = ?", recent);
        int n = VertxContextSupport.subscribeAndAwait(() -> purge.purge());
        assertTrue(n >= 1, "purged " + n);
        assertNull(ref(purged.getLong("id")));
        assertEquals(code, ref(kept.getLong("id")));
        assertEquals(0, (int) VertxContextSupport.subscribeAndAwait(() -> purge.purge()), "a second run changes nothing");

        // A row purged before the codes existed, then given one: the purge still finds it (its idempotence test
        // includes the code).
        Accounts.sql(db, "UPDATE registration SET ref_code = ? WHERE id = ?", code, purged.getLong("id"));
        VertxContextSupport.subscribeAndAwait(() -> purge.purge());
        assertNull(ref(purged.getLong("id")));
    }
}
