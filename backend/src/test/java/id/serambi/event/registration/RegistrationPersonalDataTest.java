package id.serambi.event.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.PersonalDataPart;
import id.serambi.event.EventFixtures;
import id.serambi.support.Accounts;
import id.serambi.support.ManageLinks;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registrations' part of a member's personal data, as privacy will ask for it: on its session, in its transaction. */
@QuarkusTest
class RegistrationPersonalDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @Inject
    @Any
    Instance<PersonalDataPart> parts;

    private PersonalDataPart part() {
        return parts.stream().filter(p -> p.key().equals("eventRegistrations")).findFirst().orElseThrow();
    }

    private String export(PersonalDataPart.Member member) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> part().export(member)));
    }

    private void erase(PersonalDataPart.Member member) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> part().erase(member)));
    }

    @Test
    void onlyAVerifiedAddressMakesRegistrationsTheMembersToExportAndErase() throws Throwable {
        String staff = Staff.token();
        long first = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        long second = EventFixtures.published(staff, EventFixtures.body(EventFixtures.uniqueDay()));
        String email = Accounts.uniqueEmail("anggota");
        String other = Accounts.uniqueEmail("tamu");
        ManageLinks.register(first, Map.of("name", "Siti Anggota", "email", email, "whatsapp", "0812-3456-7890",
                "ageGroup", "ADULT"));
        ManageLinks.register(second, Map.of("name", "Siti Anggota", "email", email));
        ManageLinks.register(first, Map.of("name", "Tamu Lain", "email", other));

        // Not verified: the registrations may be a guest's, so they are neither the member's to export nor to erase.
        PersonalDataPart.Member unverified = new PersonalDataPart.Member(1, email, false);
        assertEquals("[]", export(unverified));
        erase(unverified);
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM registration WHERE lower(email) = lower(?)"
                + " AND name = 'Siti Anggota'", email));

        PersonalDataPart.Member verified = new PersonalDataPart.Member(1, email.toUpperCase(), true);
        JsonNode exported = JSON.readTree(export(verified));
        assertEquals(2, exported.size());
        List<String> fields = new ArrayList<>();
        exported.get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("event", "startsAt", "name", "email", "whatsapp", "ageGroup", "status", "registeredAt",
                "refCode"),
                fields);
        assertEquals("Siti Anggota", exported.get(0).get("name").asText());
        assertEquals(email, exported.get(0).get("email").asText());
        assertEquals("+6281234567890", exported.get(0).get("whatsapp").asText());
        assertEquals("ADULT", exported.get(0).get("ageGroup").asText());
        assertEquals("CONFIRMED", exported.get(0).get("status").asText());
        assertTrue(exported.get(1).get("whatsapp").isNull());

        erase(verified);
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM registration WHERE lower(email) = lower(?)", email));
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM registration WHERE event_id IN (?, ?)"
                + " AND name = 'Dihapus' AND email = 'dihapus-' || id || '@invalid.serambi.id' AND whatsapp IS NULL",
                first, second));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM registration WHERE email = ? AND name = 'Tamu Lain'",
                other));
        assertEquals("[]", export(verified));
    }
}
