package id.serambi.conversation.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.support.PlatformStandIns;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The send endpoint against a stand-in answering as the Cloud API's documentation shows, errors included. */
@QuarkusTest
@QuarkusTestResource(PlatformStandIns.class)
class WhatsappClientTest {

    @Inject
    WhatsappClient client;

    @Test
    void aTemplateGoesWithItsLanguageAndBodyParametersAndAnswersTheWamid() throws Throwable {
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.accepts(number, "wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABEYEjA=");
        String wamid = VertxContextSupport.subscribeAndAwait(() -> client.sendTemplate(number, "serambi_reminder", "en",
                List.of("Siti", "Diskusi Buku", "Sab, 5 Des 2026 18.00 WITA")));
        assertEquals("wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABEYEjA=", wamid);

        List<JsonObject> sent = WhatsappStandIn.sentTo(number);
        assertEquals(1, sent.size());
        JsonObject m = sent.get(0);
        assertEquals("whatsapp", m.getString("messaging_product"));
        assertEquals("template", m.getString("type"));
        assertEquals("serambi_reminder", m.getJsonObject("template").getString("name"));
        assertEquals("en", m.getJsonObject("template").getJsonObject("language").getString("code"));
        JsonObject body = m.getJsonObject("template").getJsonArray("components").getJsonObject(0);
        assertEquals("body", body.getString("type"));
        assertEquals("Diskusi Buku", body.getJsonArray("parameters").getJsonObject(1).getString("text"));
        assertEquals("text", body.getJsonArray("parameters").getJsonObject(1).getString("type"));
        assertEquals("Bearer " + PlatformStandIns.WHATSAPP_TOKEN, PlatformStandIns.server().findAll(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(WhatsappStandIn.MESSAGES))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.to",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(number))))
                .get(0).getHeader("Authorization"));
    }

    @Test
    void freeTextOutsideTheWindowIs131047() {
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.refuses(number, 400, 131047, "(#131047) Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number.");
        WhatsappFailure f = fails(() -> client.sendText(number, "Halo Siti, acaranya mulai jam 10."));
        assertEquals(WhatsappFailure.Kind.OUTSIDE_WINDOW, f.kind());
        assertEquals(131047, f.code());
        assertTrue(f.getMessage().contains("24 hours"), f.getMessage());
        assertEquals("text", WhatsappStandIn.sentTo(number).get(0).getString("type"));
    }

    @Test
    void templateErrorsAreTemplateFailures() {
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.refuses(number, 404, 132001, "(#132001) Template name does not exist in the translation",
                "template name (serambi_reminder) does not exist in en");
        assertEquals(WhatsappFailure.Kind.TEMPLATE, fails(() -> client.sendTemplate(number, "serambi_reminder", "en",
                List.of("Siti"))).kind());
        String other = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.refuses(other, 400, 132000, "(#132000) Number of parameters does not match the expected number of params",
                "body: number of localizable_params (1) does not match the expected number of params (5)");
        WhatsappFailure f = fails(() -> client.sendTemplate(other, "serambi_reminder", "id", List.of("Siti")));
        assertEquals(WhatsappFailure.Kind.TEMPLATE, f.kind());
        assertEquals(132000, f.code());
    }

    @Test
    void rateLimitsAreRetriedLater() {
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.refuses(number, 429, 130429, "(#130429) Rate limit hit",
                "Cloud API message throughput has been reached.");
        assertEquals(WhatsappFailure.Kind.RETRY_LATER, fails(() -> client.sendTemplate(number, "serambi_reminder", "id",
                List.of("Siti"))).kind());
        String pair = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.refuses(pair, 400, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
                "Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.");
        assertEquals(WhatsappFailure.Kind.RETRY_LATER, fails(() -> client.sendTemplate(pair, "serambi_reminder", "id",
                List.of("Siti"))).kind());
    }

    @Test
    void anUndeliverableNumberFailsAndARefusedTokenNeverShowsTheToken() {
        String number = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.refuses(number, 400, 131026, "(#131026) Message Undeliverable", "Message Undeliverable.");
        assertEquals(WhatsappFailure.Kind.INVALID_NUMBER, fails(() -> client.sendTemplate(number, "serambi_reminder",
                "id", List.of("Siti"))).kind());
        String other = WhatsappStandIn.uniqueNumber();
        WhatsappStandIn.refuses(other, 401, 190, "Error validating access token: Session has expired", "");
        WhatsappFailure f = fails(() -> client.sendTemplate(other, "serambi_reminder", "id", List.of("Siti")));
        assertEquals(WhatsappFailure.Kind.REFUSED, f.kind());
        assertFalse(f.getMessage().contains(PlatformStandIns.WHATSAPP_TOKEN), f.getMessage());
    }

    private static WhatsappFailure fails(java.util.function.Supplier<io.smallrye.mutiny.Uni<String>> call) {
        return assertThrows(WhatsappFailure.class, () -> VertxContextSupport.subscribeAndAwait(call::get));
    }
}
