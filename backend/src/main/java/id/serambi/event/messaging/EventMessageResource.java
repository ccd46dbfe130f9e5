package id.serambi.event.messaging;

import id.serambi.account.Role;
import id.serambi.common.Caller;
import id.serambi.common.Problem;
import id.serambi.event.RegistrantWhatsapp;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/events/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Messages to registrants", description = "Staff e-mail an event's registrants: all, confirmed, waitlisted or attended")
public class EventMessageResource {

    static final String EXAMPLE = """
            {"id":7,"eventId":12,"audience":"CONFIRMED","subject":"Tautan Zoom berubah",\
            "body":"Mohon maaf, tautan Zoom untuk acara besok berubah. Tautan baru ada di halaman acara.",\
            "sentBy":"Rina (staf)","recipients":42,"delivered":0,"whatsapp":true,"byWhatsapp":2,"byEmail":40,\
            "emailInstead":0,"sentAt":"2026-12-04T02:00:00.000Z"}""";

    private final EventMessageService messages;
    private final EventMessageSender sender;
    private final Caller.Resolver caller;
    private final RegistrantWhatsapp whatsapp;

    public EventMessageResource(EventMessageService messages, EventMessageSender sender, Caller.Resolver caller,
            RegistrantWhatsapp whatsapp) {
        this.messages = messages;
        this.sender = sender;
        this.caller = caller;
        this.whatsapp = whatsapp;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendEventMessage", summary = "Message the event's registrants of an audience, by WhatsApp or e-mail (staff)",
            description = """
                    ALL: every active registrant (confirmed, waitlisted, attended); CONFIRMED: everyone holding a \
                    seat (checked in or not); WAITLISTED; ATTENDED: those checked in. Cancelled registrations and \
                    guests whose data was erased are skipped. The message is recorded (who, when, audience, count) and \
                    its e-mails are queued in the same transaction, then sent in the background: the answer does not \
                    wait for them (delivered counts those the mail server took). Each e-mail is plain text with an \
                    HTML twin, greets the patron by name and carries a fresh link to their manage page. An audience \
                    with nobody in it is a 409 and records nothing. With whatsapp (the default), registrants who \
                    opted in to WhatsApp (and whose number never replied BERHENTI) get it on WhatsApp instead: as \
                    free text when their number wrote to the library in the last 24 hours, else as the approved \
                    template serambi_staff_message (event title, the message flattened to one line); byWhatsapp and \
                    byEmail count them. A WhatsApp send that fails goes by e-mail instead and counts in \
                    emailInstead.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "link changed", value = """
            {"audience":"CONFIRMED","subject":"Tautan Zoom berubah",\
            "body":"Mohon maaf, tautan Zoom untuk acara besok berubah. Tautan baru ada di halaman acara.","whatsapp":true}""")))
    @APIResponse(responseCode = "202", description = "Recorded; the e-mails are on their way",
            headers = @Header(name = "Location", description = "The event's message history", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EventMessageDtos.Message.class),
                    examples = @ExampleObject(name = "sent", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An empty or too long subject or body, or an unknown audience",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no subject", value = """
                            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                            "detail":"subject: must not be blank","errors":[{"field":"subject","message":"must not be blank"}]}""")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Nobody is in the audience", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "nobody", value = """
                    {"type":"https://serambi.id/problems/no-recipients","title":"No recipients","status":409,\
                    "detail":"No registrant of event 12 is in the audience ATTENDED; nothing was sent"}""")))
    public Uni<Response> send(@PathParam("id") long id, @Valid @NotNull EventMessageDtos.Request body) {
        long sender = caller.userId();
        return messages.send(id, body, sender).invoke(this.sender::wake).invoke(whatsapp::sendSoon).map(message -> Response.accepted(message)
                .location(URI.create("/api/events/" + id + "/messages")).build());
    }

    @GET
    @Operation(operationId = "listEventMessages", summary = "The messages staff sent to the event's registrants, newest first (staff)")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(
            implementation = EventMessageDtos.Message.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "one", value = "[" + EXAMPLE + "]")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<EventMessageDtos.Message>> list(@PathParam("id") long id) {
        return messages.list(id);
    }

    @GET
    @Path("/audiences")
    @Operation(operationId = "countEventMessageAudiences", summary = "How many registrants each audience would reach now (staff)",
            description = "For the form: the recipient count before sending. Erased guests are not counted.")
    @APIResponse(responseCode = "200", description = "One count per audience", content = @Content(schema = @Schema(
            implementation = EventMessageDtos.AudienceCount.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "counts", value = """
                    [{"audience":"ALL","recipients":45},{"audience":"CONFIRMED","recipients":42},\
                    {"audience":"WAITLISTED","recipients":3},{"audience":"ATTENDED","recipients":0}]""")))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<EventMessageDtos.AudienceCount>> audiences(@PathParam("id") long id) {
        return messages.audiences(id);
    }
}
