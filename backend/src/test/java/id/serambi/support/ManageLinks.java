package id.serambi.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guest's manage link reaches them only by e-mail (the registration answer is the same for everyone): tests read
 * it from Quarkus's mock mailbox, as the guest would from their inbox.
 */
public final class ManageLinks {

    private static final Pattern LINK = Pattern.compile("/acara/pendaftaran/([A-Za-z0-9_-]{43})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManageLinks() {
    }

    public static MockMailbox mailbox() {
        return Arc.container().instance(MockMailbox.class).get();
    }

    /** How many e-mails this address has received so far. */
    public static int mailCount(String email) {
        List<Mail> mails = mailbox().getMailsSentTo(email);
        return mails == null ? 0 : mails.size();
    }

    /** The manage token in the newest e-mail to this address that carries a manage link. */
    public static String fromMail(String email) {
        return fromMail(email, 0);
    }

    /** The manage token in the newest e-mail to this address, which must be newer than the first {@code before}. */
    public static String fromMail(String email, int before) {
        List<Mail> mails = mailbox().getMailsSentTo(email);
        for (int i = (mails == null ? 0 : mails.size()) - 1; i >= before; i--) {
            Matcher link = LINK.matcher(mails.get(i).getText());
            if (link.find()) {
                return link.group(1);
            }
        }
        throw new AssertionError("no new e-mail with a manage link to " + email + ": " + mails);
    }

    /**
     * Registers a guest through the API (202 expected), takes the manage link from the e-mail that follows, and
     * returns the registration as that link shows it, with {@code manageToken} and {@code eventId} added.
     */
    public static JsonPath register(long eventId, Map<String, ?> body) {
        String email = String.valueOf(body.get("email")).strip();
        int before = mailCount(email);
        given().contentType(ContentType.JSON).body(body).post("/api/events/" + eventId + "/registrations")
                .then().statusCode(202).body("emailSent", equalTo(true));
        String token = fromMail(email, before);
        String view = given().get("/api/registrations/" + token).then().statusCode(200).extract().asString();
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(view);
            node.put("manageToken", token);
            node.put("eventId", eventId);
            return new JsonPath(JSON.writeValueAsString(node));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
