package id.serambi.conversation.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.Problem;
import id.serambi.common.ProblemResponses;
import id.serambi.common.RateLimits;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * A web asker's conversation with a librarian, after Tanya Perpustakaan handed a question over: public, found only by
 * the conversation token the answer carried (a bearer secret: whoever holds it reads the conversation), rate-limited
 * like the questions.
 */
@Path("/assistant/conversations/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tanya Perpustakaan", description = "The FAQ assistant: answers from the knowledge base, or hands the question to a librarian")
public class WebConversationResource {

    /** A comment line this often keeps proxies from closing the stream. */
    static final Duration HEARTBEAT = Duration.ofSeconds(25);
    /** A stream ends after this; the client reconnects (EventSource does by itself). */
    static final Duration LIFETIME = Duration.ofHours(1);

    static final String TOKEN = "The conversationToken of the answer that handed the question over";
    static final String MESSAGE = """
            {"id":412,"from":"LIBRARY","text":"Bisa, Kak. Kartu anggota bisa dibuat di loket layanan dengan membawa KTP atau \
            kartu pelajar.","sentAt":"2026-12-04T03:15:00.000Z"}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,\
            "detail":"No conversation has this token","instance":"/api/assistant/conversations/q3mB0v9TQ2oXkH7cJd1Lr8sYw4aZpE6nUf5tGiKx0Vb"}""";

    private final WebConversationService conversations;
    private final RateLimits limits;
    private final ObjectMapper json;

    public WebConversationResource(WebConversationService conversations, RateLimits limits, ObjectMapper json) {
        this.conversations = conversations;
        this.limits = limits;
        this.json = json;
    }

    @GET
    @SecurityRequirements
    @Operation(operationId = "getAssistantConversation", summary = "A conversation with a librarian, by its token (anyone holding it)",
            description = "Every message of the conversation, oldest first: the asker's (ASKER: questions handed over, "
                    + "follow-ups) and the library's replies (LIBRARY). Staff's internal notes are never in it.")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(
            schema = @Schema(implementation = WebConversationDtos.Conversation.class), examples = @ExampleObject(name = "answered", value = """
                    {"messages":[{"id":411,"from":"ASKER","text":"bisa bikin kartu anggota hari sabtu?",\
                    "sentAt":"2026-12-04T02:58:00.000Z"},""" + MESSAGE + "]}")))
    @APIResponse(responseCode = "404", description = "No conversation has this token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = NOT_FOUND)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebConversationDtos.Conversation> get(@Parameter(description = TOKEN) @PathParam("token") String token) {
        limits.check(RateLimits.Action.ASSISTANT, null);
        return conversations.conversation(token);
    }

    @POST
    @Path("/messages")
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendAssistantConversationMessage", summary = "Write to the librarian in a conversation (anyone holding its token)",
            description = "The message joins the conversation's thread in the inbox; a thread that was done, or waiting "
                    + "on the asker, is open again.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "follow-up", value = "{\"text\":\"Apakah bisa dibuat hari Sabtu?\"}")))
    @APIResponse(responseCode = "201", description = "The message, stored", content = @Content(
            schema = @Schema(implementation = WebConversationDtos.Message.class), examples = @ExampleObject(name = "sent", value = """
                    {"id":413,"from":"ASKER","text":"Apakah bisa dibuat hari Sabtu?","sentAt":"2026-12-04T03:20:00.000Z"}""")))
    @APIResponse(responseCode = "400", description = "An empty text, or one over 2000 characters", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "empty", value = """
                    {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
                    "detail":"text: must not be blank","errors":[{"field":"text","message":"must not be blank"}]}""")))
    @APIResponse(responseCode = "404", description = "No conversation has this token; nothing was stored", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = NOT_FOUND)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> send(@Parameter(description = TOKEN) @PathParam("token") String token,
            @Valid @NotNull WebConversationDtos.Send body) {
        limits.check(RateLimits.Action.ASSISTANT, null);
        return conversations.send(token, body.text()).map(m -> Response.created(URI.create("/api/assistant/conversations/"
                + token)).entity(m).build());
    }

    @GET
    @Path("/stream")
    @SecurityRequirements
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamAssistantConversation", summary = "The librarian's replies, live, as Server-Sent Events",
            description = "A text/event-stream of `message` events, each one's data an AssistantConversationMessage JSON "
                    + "object (from LIBRARY): every reply staff send from now on, from whichever server instance they "
                    + "used. Staff's notes are never sent. A comment line every 25 s keeps proxies open; the stream ends "
                    + "after an hour (EventSource reconnects). Fetch the conversation after (re)connecting for what came "
                    + "before. An unknown token is a 404 problem before the stream starts.")
    @APIResponse(responseCode = "200", description = "An endless stream of `message` events whose data is an AssistantConversationMessage",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = WebConversationDtos.Message.class),
                    examples = @ExampleObject(name = "reply", description = "The data of one `message` event", value = MESSAGE)))
    @APIResponse(responseCode = "404", description = "No conversation has this token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown", value = NOT_FOUND)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@Parameter(description = TOKEN) @PathParam("token") String token, @Context Sse sse) {
        // An unknown token was already answered 404 (and the rate limit checked) by checkStream below.
        return conversations.follow(token, HEARTBEAT, Instant.now().plus(LIFETIME)).map(item -> item.reply() == null
                ? sse.newEventBuilder().comment("heartbeat").build()
                : sse.newEventBuilder().name("message").mediaType(MediaType.APPLICATION_JSON_TYPE).data(write(item.reply())).build());
    }

    /**
     * An SSE response is committed (200) as soon as the stream starts, so the rate limit and the token are checked
     * first, here: an unknown token gets a proper 404 problem instead of an empty stream.
     */
    @ServerRequestFilter
    public Uni<Response> checkStream(SimpleResourceInfo resource, UriInfo uri, HttpServerRequest request) {
        if (resource.getResourceClass() != WebConversationResource.class || !resource.getMethodName().equals("stream")) {
            return Uni.createFrom().nullItem();
        }
        return ProblemResponses.beforeStream(request, Uni.createFrom().deferred(() -> {
            limits.check(RateLimits.Action.ASSISTANT, null);
            return conversations.watchable(uri.getPathParameters().getFirst("token"));
        }));
    }

    private String write(WebConversationDtos.Message message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
