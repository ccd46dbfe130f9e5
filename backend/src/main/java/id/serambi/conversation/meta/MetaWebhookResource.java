package id.serambi.conversation.meta;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/webhooks/meta")
@SecurityRequirements
@Tag(name = "Webhooks", description = "Deliveries from the platforms; public, authenticated by the platform's signature")
public class MetaWebhookResource {

    private final MetaWebhookService webhooks;

    public MetaWebhookResource(MetaWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "verifyMetaWebhook", summary = "Meta's subscription handshake: echoes hub.challenge when hub.verify_token is ours")
    @APIResponse(responseCode = "200", description = "The challenge, as sent", content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(implementation = String.class), examples = @ExampleObject(name = "challenge", value = "1158201444")))
    @APIResponse(responseCode = "400", description = "hub.mode is not subscribe, or no hub.challenge", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The verify token is not ours", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "wrong token", value = """
                    {"type":"https://serambi.id/problems/forbidden","title":"Forbidden","status":403,\
                    "detail":"hub.verify_token is not this Serambi's verify token"}""")))
    public String verify(@Parameter(description = "subscribe", example = "subscribe") @QueryParam("hub.mode") String mode,
            @Parameter(description = "The verify token set in the Meta app", example = "rahasia-verifikasi") @QueryParam("hub.verify_token") String token,
            @Parameter(description = "Meta's challenge, echoed", example = "1158201444") @QueryParam("hub.challenge") String challenge) {
        return webhooks.verify(mode, token, challenge);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveMetaWebhook", summary = "A delivery of Meta's webhooks: Page comments and Messenger, Instagram comments and messages",
            description = """
                    The body's X-Hub-Signature-256 (HMAC-SHA256 under the Meta app secret) must hold, or nothing is stored. \
                    Page feed comments (item comment, verb add), Messenger messages, Instagram comments and Instagram \
                    messages become inbox threads; the library's own comments and echoes of its own messages do not, and \
                    other events are acknowledged and ignored. A delivery repeated by Meta adds nothing.""")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT),
            examples = @ExampleObject(name = "Page comment", value = """
                    {"object":"page","entry":[{"id":"102030405060","time":1764813600,"changes":[{"field":"feed",\
                    "value":{"from":{"id":"6543210987654321","name":"Siti Rahma"},"item":"comment","verb":"add",\
                    "post_id":"102030405060_998877665544","comment_id":"998877665544_112233",\
                    "parent_id":"102030405060_998877665544","created_time":1764813600,\
                    "message":"Apakah bedah buku Sabtu ini masih bisa daftar?"}}]}]}""")))
    @APIResponse(responseCode = "200", description = "Received", content = @Content(schema = @Schema(implementation = MetaWebhookService.Receipt.class),
            examples = @ExampleObject(name = "one new", value = "{\"received\":1,\"stored\":1,\"duplicates\":0}")))
    @APIResponse(responseCode = "400", description = "The body is not a JSON object", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No X-Hub-Signature-256 header; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = """
                    {"type":"https://serambi.id/problems/signature-missing","title":"Signature missing","status":401,\
                    "detail":"The delivery has no X-Hub-Signature-256 header; nothing was stored"}""")))
    @APIResponse(responseCode = "403", description = "The signature does not match the body; nothing stored", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forged", value = """
                    {"type":"https://serambi.id/problems/signature-invalid","title":"Signature invalid","status":403,\
                    "detail":"The X-Hub-Signature-256 header does not match the delivery's body; nothing was stored"}""")))
    @APIResponse(responseCode = "503", description = "No Meta app secret is configured", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<MetaWebhookService.Receipt> receive(byte[] body,
            @Parameter(description = "sha256= and the hex HMAC-SHA256 of the body under the Meta app secret")
            @HeaderParam("X-Hub-Signature-256") String signature) {
        return webhooks.receive(body, signature);
    }
}
