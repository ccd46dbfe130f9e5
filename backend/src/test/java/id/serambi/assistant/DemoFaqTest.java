package id.serambi.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.assistant.knowledge.FaqDtos;
import id.serambi.assistant.knowledge.FaqEntries;
import id.serambi.common.SerambiConfig;
import id.serambi.support.Accounts;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: the demo knowledge base (30 entries of resources assistant/demo-entries.json) is valid as the API would take
 * it, loads into an empty knowledge base only, and answers an informal question once the index is rebuilt.
 */
@QuarkusTest
class DemoFaqTest {

    @Inject
    DemoFaq demo;

    @Inject
    Validator validator;

    @Inject
    AgroalDataSource db;

    @Inject
    SerambiConfig config;

    @Test
    void theDemoEntriesLoadIntoAnEmptyKnowledgeBaseOnlyAndAnswer() throws Throwable {
        List<FaqDtos.Request> entries = demo.entries();
        assertEquals(30, entries.size());
        for (FaqDtos.Request entry : entries) {
            assertEquals(List.of(), List.copyOf(validator.validate(entry)), entry.key());
        }
        Accounts.sql(db, "DELETE FROM faq_entry");
        try {
            assertEquals(30, VertxContextSupport.subscribeAndAwait(demo::ensure));
            assertEquals(0, VertxContextSupport.subscribeAndAwait(demo::ensure), "a knowledge base with entries is left alone");
            assertEquals(30, Accounts.count(db, "SELECT count(*) FROM faq_entry WHERE active"));
            assertEquals(1, Accounts.count(db, "SELECT count(*) FROM faq_entry WHERE key = 'jam-buka' AND live = 'HOURS' "
                    + "AND cardinality(alternatives) > 10 AND jsonb_array_length(links) >= 0"));

            JsonPath hours = FaqEntries.askUntil("perpus buka jam brp?", "id", a -> !a.getBoolean("handedOver"));
            assertTrue(hours.getString("answer").contains(config.library().hours()), hours.getString("answer"));
            assertFalse(hours.getString("answer").contains("{"), hours.getString("answer"));
        } finally {
            Accounts.sql(db, "DELETE FROM faq_entry");
        }
    }
}
