package id.serambi.event.registration;

import id.serambi.common.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import id.serambi.event.catalogue.EventCalendar;
import id.serambi.event.checkin.CheckinQr;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The patron's own registration, opened by the secret manage token from the registration answer or e-mail. */
@Path("/registrations/{token}")
@Tag(name = "Registrations")
@SecurityRequirements
public class MyRegistrationResource {

    static final String UNKNOWN_TOKEN = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,\
            "detail":"No registration has this manage link"}""";

    private final RegistrationService registrations;
    private final CheckinQr qr;

    public MyRegistrationResource(RegistrationService registrations, CheckinQr qr) {
        this.registrations = registrations;
        this.qr = qr;
    }

    @GET
    @Path("/qr.png")
    @Produces("image/png")
    @Operation(operationId = "getRegistrationQrCode", summary = "The check-in QR code of a seat holder: staff scan it at the event")
    @APIResponse(responseCode = "200", description = "A PNG QR code carrying the staff check-in link",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The registration holds no seat (waitlisted or cancelled), or the event is online (only an in-person event has a check-in code)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> qrCode(@PathParam("token") String token) {
        return registrations.checkinPass(token).map(pass -> Response.ok(qr.png(pass.eventId(), pass.code()), "image/png")
                .header("Cache-Control", "private, max-age=3600").build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRegistrationByToken", summary = "The patron's registration and its event; the join URL only while it holds a seat")
    @APIResponse(responseCode = "200", description = "The registration", content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN_TOKEN)))
    public Uni<RegistrationView> view(@PathParam("token") String token) {
        return registrations.view(token);
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "cancelRegistration", summary = "Cancel the registration; a freed seat goes to the first on the waitlist",
            description = "A CONFIRMED or WAITLISTED registration becomes CANCELLED until the event starts. A confirmed "
                    + "seat it frees goes at once to the first in line on the waitlist, who is e-mailed; a waitlisted "
                    + "one just leaves the line (those behind move up). Idempotent: cancelling an already cancelled "
                    + "registration changes nothing and answers 200 with the same view. Once the event has started, "
                    + "or after check-in (ATTENDED), it is a 409. The e-mail may register again afterwards, as a new "
                    + "registration at the back of the line.")
    @APIResponse(responseCode = "200", description = "The registration, now CANCELLED", content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN_TOKEN)))
    @APIResponse(responseCode = "409", description = "The event has started, or the patron was checked in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "started", value = """
            {"type":"https://serambi.id/problems/event-started","title":"Event started","status":409,\
            "detail":"The event has already started; the registration can no longer be cancelled"}""")))
    public Uni<RegistrationView> cancel(@PathParam("token") String token) {
        return registrations.cancel(token);
    }

    @DELETE
    @Path("/whatsapp")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "stopRegistrationWhatsapp", summary = "Switch WhatsApp messages off for this registration: e-mail carries them from now on",
            description = "Withdraws the consent given with the registration form's checkbox. Idempotent: switching off "
                    + "again changes nothing. (Replying BERHENTI on WhatsApp stops every message to the number.)")
    @APIResponse(responseCode = "200", description = "The registration, whatsappMessages now false", content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(responseCode = "404", description = "Unknown token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN_TOKEN)))
    public Uni<RegistrationView> stopWhatsapp(@PathParam("token") String token) {
        return registrations.stopWhatsapp(token);
    }

    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportRegistration", summary = "Everything held about this registration, as a JSON file (UU PDP: the guest's right of access)",
            description = "The event, the name, e-mail, WhatsApp number and age group given, the status and its times, "
                    + "attendance, feedback, the questions asked in the live Q&A, and the survey responses given through "
                    + "this registration's manage link (surveyResponses).")
    @APIResponse(responseCode = "200", description = "The registration's data, as an attachment",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT), examples = @ExampleObject(name = "export", value = """
                    {"exportedAt":"2026-12-02T04:30:00.000Z","registration":{"id":311,"name":"Siti Nurhaliza",\
                    "email":"siti@example.id","whatsapp":"+6281234567890","ageGroup":"ADULT","status":"ATTENDED",\
                    "registeredAt":"2026-11-23T09:05:00.000Z","confirmedAt":"2026-11-23T09:05:00.000Z","cancelledAt":null,\
                    "reminderSentAt":"2026-12-04T10:00:00.000Z","hourReminderSentAt":null,"checkinCode":"3f9a1c7d2b4e"},\
                    "event":{"id":12,"title":"Diskusi Buku: Laskar Pelangi","startsAt":"2026-12-05T10:00:00.000Z",\
                    "endsAt":"2026-12-05T11:30:00.000Z","status":"COMPLETED"},\
                    "attendance":{"attended":true,"attendedAt":"2026-12-05T10:02:00.000Z"},\
                    "feedback":{"rating":5,"comment":"Diskusinya seru.","givenAt":"2026-12-05T11:40:00.000Z"},\
                    "questions":[{"text":"Apakah ada sekuel Laskar Pelangi?","displayName":"Siti","status":"ANSWERED",\
                    "answer":"Ada: Sang Pemimpi.","upvotes":4,"askedAt":"2026-12-05T10:20:00.000Z",\
                    "answeredAt":"2026-12-05T10:25:00.000Z"}],"questionsUpvoted":2,"whatsapp":null,\
                    "surveyResponses":[{"surveyId":4,"survey":"Umpan balik acara","surveyEn":"Event feedback",\
                    "submittedOn":"2026-12-05","eventId":12,"registrationId":311,"answers":{"puas":5}}]}""")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"data-pendaftaran-saya.json\"",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN_TOKEN)))
    public Uni<Response> export(@PathParam("token") String token) {
        return registrations.export(token).map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"data-pendaftaran-saya.json\"")
                .header("Cache-Control", "no-store")
                .build());
    }

    @DELETE
    @Path("/personal-data")
    @Operation(operationId = "erasePersonalDataByToken", summary = "Erase my personal data (UU PDP): cancels an active registration, then removes name, e-mail and WhatsApp",
            description = "Before the event starts, an active registration is cancelled first, exactly like DELETE on "
                    + "the registration (a freed seat goes to the first on the waitlist). Then the name, e-mail and "
                    + "WhatsApp number are overwritten, the name shown with live questions is removed, the survey "
                    + "responses given through this registration's manage link are deleted, and every "
                    + "manage link of this registration stops working (404). The anonymous row stays, so the event's "
                    + "counts and attendance stay.")
    @APIResponse(responseCode = "204", description = "Erased; this manage link no longer works")
    @APIResponse(responseCode = "404", description = "Unknown token, or already erased", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN_TOKEN)))
    public Uni<Response> erase(@PathParam("token") String token) {
        return registrations.erase(token).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "giveEventFeedback", summary = "Rate the event (1 to 5) with an optional comment, once, after it has started")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "feedback", value = "{\"rating\":5,\"comment\":\"Diskusinya seru, narasumbernya jelas.\"}")))
    @APIResponse(responseCode = "201", description = "Thank you; Location is this same path, where the feedback can be read",
            content = @Content(schema = @Schema(implementation = FeedbackDto.class)))
    @APIResponse(responseCode = "400", description = "Rating not 1 to 5, or comment too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN_TOKEN)))
    @APIResponse(responseCode = "409", description = "Already given, too early, the registration never held a seat, or the event asks through its feedback survey instead (feedback-by-survey: see the view's feedbackSurveyUrl)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "twice", value = """
            {"type":"https://serambi.id/problems/feedback-exists","title":"Feedback already given","status":409,\
            "detail":"Feedback for this registration was already given"}""")))
    public Uni<Response> feedback(@PathParam("token") String token, @Valid @NotNull FeedbackRequest body) {
        return registrations.feedback(token, body).map(f -> Response.created(feedbackUri(token)).entity(f).build());
    }

    @GET
    @Path("/feedback")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRegistrationFeedback", summary = "The rating and comment given through this registration")
    @APIResponse(responseCode = "200", description = "The feedback", content = @Content(schema = @Schema(implementation = FeedbackDto.class)))
    @APIResponse(responseCode = "404", description = "Unknown token, or no feedback given yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = UNKNOWN_TOKEN)))
    public Uni<FeedbackDto> feedbackGiven(@PathParam("token") String token) {
        return registrations.feedbackGiven(token);
    }

    private static URI feedbackUri(String token) {
        return UriBuilder.fromPath("/registrations/{token}/feedback").build(token);
    }

    @GET
    @Path("/calendar.ics")
    @Produces(EventCalendar.MEDIA_TYPE)
    @Operation(operationId = "downloadRegistrationCalendar", summary = "The event as an iCalendar file; with the join URL while the registration holds a seat",
            description = "For a cancelled registration the file cancels the event instead (METHOD:CANCEL, STATUS:CANCELLED, "
                    + "the same UID with a higher SEQUENCE), so a calendar that imported it removes it.")
    @APIResponse(responseCode = "200", description = "An iCalendar file (RFC 5545), as an attachment (acara-{eventId}.ics)",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"acara-12.ics\"",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> calendar(@PathParam("token") String token) {
        return registrations.calendar(token).map(c -> Response.ok(c.ics())
                .type(EventCalendar.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"acara-" + c.eventId() + ".ics\"")
                .build());
    }
}
