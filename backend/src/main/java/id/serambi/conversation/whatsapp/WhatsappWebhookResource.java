package id.serambi.conversation.whatsapp;

import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The WhatsApp Business Cloud API's webhook (field "messages"): public, and every delivery signed by Meta. */
@Path("/webhooks/whatsapp")
@Tag(name = "Webhooks")
@SecurityRequirements
public class WhatsappWebhookResource {

    static final String DELIVERY = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages",\
            "value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",\
            "phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA",\
            "status":"delivered","timestamp":"1764760800","recipient_id":"6281234567890"}]}}]}]}""";
    static final String MISSING = """
            {"type":"https://serambi.id/problems/signature-missing","title":"Signature missing","status":401,\
            "detail":"The delivery has no X-Hub-Signature-256 header; nothing was stored"}""";
    static final String FORGED = """
            {"type":"https://serambi.id/problems/signature-invalid","title":"Signature invalid","status":403,\
            "detail":"The X-Hub-Signature-256 header does not match the delivery's body; nothing was stored"}""";

    private final WhatsappWebhook webhook;

    public WhatsappWebhookResource(WhatsappWebhook webhook) {
        this.webhook = webhook;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "verifyWhatsappWebhook", summary = "Meta's subscription check: answers hub.challenge when hub.verify_token is ours")
    @APIResponse(responseCode = "200", description = "The challenge, as given",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "challenge", value = "1158201444")))
    @APIResponse(responseCode = "403", description = "Not a subscription, or not our verify token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "mismatch", value = """
                    {"type":"https://serambi.id/problems/forbidden","title":"Forbidden","status":403,\
                    "detail":"The verify token does not match this webhook's"}""")))
    public String verify(
            @Parameter(description = "Always \"subscribe\"", example = "subscribe") @QueryParam("hub.mode") String mode,
            @Parameter(description = "The verify token set in the app's webhook settings (serambi.whatsapp.verify-token)", example = "serambi-verify") @QueryParam("hub.verify_token") String verifyToken,
            @Parameter(description = "A number to echo", example = "1158201444") @QueryParam("hub.challenge") String challenge) {
        return webhook.verify(mode, verifyToken, challenge);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "receiveWhatsappWebhook", summary = "A delivery of the \"messages\" field: statuses of sent messages and inbound messages",
            description = "Refused unless X-Hub-Signature-256 is sha256= and the hex HMAC-SHA256 of the raw body under "
                    + "the app secret. A status is stored on the message with its wamid unless a later one is (sent < "
                    + "delivered < read; failed sends the e-mail instead). An inbound text BERHENTI or STOP opts the "
                    + "number out of every message, MULAI or START back in. A repeated delivery changes nothing.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "delivered", value = DELIVERY)))
    @APIResponse(responseCode = "200", description = "Received (what Meta's examples answer)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "received", value = "EVENT_RECEIVED")))
    @APIResponse(responseCode = "400", description = "Signed, but not a webhook payload",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "json", value = """
                    {"type":"https://serambi.id/problems/invalid-json","title":"Invalid JSON","status":400,\
                    "detail":"The body is not a JSON object"}""")))
    @APIResponse(responseCode = "401", description = "No X-Hub-Signature-256 header: nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = MISSING)))
    @APIResponse(responseCode = "403", description = "The signature does not match the body: nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forged", value = FORGED)))
    @APIResponse(responseCode = "503", description = "No app secret is configured: no delivery can be checked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unconfigured", value = """
                    {"type":"https://serambi.id/problems/webhook-not-configured","title":"Webhook not configured",\
                    "status":503,"detail":"Serambi has no app secret (SERAMBI_WHATSAPP_APP_SECRET) to check the delivery's signature with"}""")))
    public Uni<String> receive(
            @Parameter(description = "sha256= and the hex HMAC-SHA256 of the body under the app secret", example = "sha256=3f1d0c6e8a...")
            @HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        return webhook.deliver(body, signature).replaceWith("EVENT_RECEIVED");
    }
}
