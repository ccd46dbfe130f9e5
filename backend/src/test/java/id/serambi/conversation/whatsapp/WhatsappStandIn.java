package id.serambi.conversation.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.serambi.support.PlatformStandIns;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Cloud API's answers, in the shapes of its documentation (developers.facebook.com/documentation/
 * business-messaging/whatsapp): the send endpoint's success and error JSON, and a webhook delivery's signature.
 */
final class WhatsappStandIn {

    static final String MESSAGES = "/whatsapp/v23.0/" + PlatformStandIns.WHATSAPP_PHONE_NUMBER_ID + "/messages";

    private WhatsappStandIn() {
    }

    /** A number no other test uses, E.164. */
    static String uniqueNumber() {
        return "+62812" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    /** Messages to this number are accepted, each with this wamid. */
    static void accepts(String number, String wamid) {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(number)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],
                         "messages":[{"id":"%s","message_status":"accepted"}]}""".formatted(number, number.substring(1), wamid))));
    }

    /** Messages to this number are accepted, each with a wamid of its own (WireMock's response templating). */
    static void acceptsEach(String number) {
        accepts(number, "wamid.HBgN{{randomValue length=24 type='ALPHANUMERIC'}}");
    }

    /** Messages to this number are refused with this HTTP status and Cloud API error. */
    static void refuses(String number, int status, int code, String message, String details) {
        PlatformStandIns.server().stubFor(post(urlPathEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(number)))
                .willReturn(error(status, code, message, details)));
    }

    static ResponseDefinitionBuilder error(int status, int code, String message, String details) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"%s","type":"OAuthException","code":%d,
                 "error_data":{"messaging_product":"whatsapp","details":"%s"},"fbtrace_id":"AbCdEfGhIjK"}}"""
                .formatted(message, code, details));
    }

    /** The send requests the stand-in received for this number, as JSON. */
    static List<JsonObject> sentTo(String number) {
        List<LoggedRequest> requests = PlatformStandIns.server().findAll(postRequestedFor(urlPathEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(number))));
        return requests.stream().map(r -> new JsonObject(r.getBodyAsString())).toList();
    }

    /** X-Hub-Signature-256 of this body under the test app secret. */
    static String signature(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PlatformStandIns.WHATSAPP_APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook delivery of one status of a sent message, as the documentation shows it. */
    static String status(String wamid, String number, String status, long timestamp) {
        String errors = "failed".equals(status) ? """
                ,"errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable",\
                "error_data":{"details":"Message Undeliverable."}}]""" : "";
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},\
                "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"%s}]},"field":"messages"}]}]}"""
                .formatted(PlatformStandIns.WHATSAPP_PHONE_NUMBER_ID, wamid, status, timestamp, number.substring(1), errors);
    }

    /** A webhook delivery of one inbound text message from this number. */
    static String text(String number, String wamid, String body) {
        return text(number, wamid, body, 1764760800L);
    }

    /** A webhook delivery of one inbound text message from this number, written at this epoch second. */
    static String text(String number, String wamid, String body, long timestamp) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"%s"},\
                "contacts":[{"profile":{"name":"Siti"},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","text":{"body":"%s"},"type":"text"}]},\
                "field":"messages"}]}]}"""
                .formatted(PlatformStandIns.WHATSAPP_PHONE_NUMBER_ID, number.substring(1), number.substring(1), wamid,
                        timestamp, body);
    }
}
