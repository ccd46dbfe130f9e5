package id.serambi.survey.builder;

import id.serambi.account.Role;
import id.serambi.common.IfMatch;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import id.serambi.common.QueryParameters;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Survey builder", description = "Surveys staff build, publish and close (issue 20)")
public class SurveyResource {

    static final String SECTIONS = """
            "sections":[{"title":{"id":"Tentang acara","en":"About the event"},"questions":[\
            {"key":"datang-lagi","text":{"id":"Akan datang lagi?","en":"Would you come again?"},"type":"SINGLE_CHOICE",\
            "required":true,"options":[{"key":"ya","label":{"id":"Ya","en":"Yes"}},{"key":"tidak","label":{"id":"Tidak","en":"No"}}]},\
            {"key":"alasan","text":{"id":"Mengapa tidak?","en":"Why not?"},"type":"LONG_TEXT","required":false,\
            "condition":{"questionKey":"datang-lagi","optionKey":"tidak"}},\
            {"key":"rekomendasi","text":{"id":"Seberapa mungkin Anda merekomendasikan kami?","en":"How likely are you to recommend us?"},\
            "type":"NPS","required":true}]}]""";
    static final String REQUEST = """
            {"title":{"id":"Survei acara","en":"Event survey"},"introduction":{"id":"Bantu kami memperbaiki acara kami.",\
            "en":"Help us improve our events."},"access":"ANONYMOUS","onePerPerson":false,""" + SECTIONS + "}";
    static final String EXAMPLE = """
            {"id":1,"title":{"id":"Survei acara","en":"Event survey"},"introduction":{"id":"Bantu kami memperbaiki acara kami.",\
            "en":"Help us improve our events."},"access":"ANONYMOUS","onePerPerson":false,"status":"DRAFT",""" + SECTIONS
            + """
            ,"responses":0,"updatedAt":"2026-12-04T02:00:00.000Z","version":0}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Survey 1 does not exist"}""";
    static final String INVALID = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"sections[0].questions[1].condition.questionKey: must be the key of an earlier question (\\"kelas\\" is not)",\
            "errors":[{"field":"sections[0].questions[1].condition.questionKey","message":"must be the key of an earlier question (\\"kelas\\" is not)"}]}""";
    static final String ANSWERED = """
            {"type":"https://serambi.id/problems/survey-answered","title":"Change would alter earlier answers","status":409,\
            "detail":"The survey has 3 responses; this change would alter what they mean: question datang-lagi option tidak was removed; \
            earlier responses chose from it. Fix texts, reorder, or add optional questions and new options at the end instead, or duplicate the survey.",\
            "errors":[{"field":"question datang-lagi","message":"option tidak was removed; earlier responses chose from it"}]}""";
    static final String BAD_STATUS = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"status: must be one of DRAFT, PUBLISHED, CLOSED","errors":[{"field":"status","message":"must be one of DRAFT, PUBLISHED, CLOSED"}]}""";
    static final String HAS_RESPONSES = """
            {"type":"https://serambi.id/problems/survey-has-responses","title":"Survey has responses","status":409,\
            "detail":"Survey 1 has responses and cannot be deleted; close it instead"}""";
    static final String NOT_PUBLISHED = """
            {"type":"https://serambi.id/problems/survey-not-published","title":"Survey not published","status":409,\
            "detail":"Survey 1 is a draft; publish it before closing it"}""";

    private final SurveyService surveys;

    public SurveyResource(SurveyService surveys) {
        this.surveys = surveys;
    }

    @GET
    @Operation(operationId = "listSurveys", summary = "Surveys, most recently changed first (staff), optionally only those in one status")
    @APIResponse(responseCode = "200", description = "A page of surveys", content = @Content(schema = @Schema(implementation = SurveyDtos.Page.class),
            examples = @ExampleObject(name = "one", value = "{\"items\":[" + EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "A page too deep, not a number, or an unknown status", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "status", value = BAD_STATUS)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SurveyDtos.Page> list(
            @Parameter(description = "Only surveys in this status; all when absent", schema = @Schema(implementation = SurveyDtos.Status.class))
            @QueryParam("status") String status,
            @Parameter(description = "The page, from 0", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Surveys per page", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20") int size) {
        QueryParameters query = new QueryParameters();
        SurveyDtos.Status only = query.enumValue("status", status, SurveyDtos.Status.class);
        query.check();
        PageDto.Request request = PageDto.Request.of(page, size);
        return surveys.list(only, request.page(), request.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSurvey", summary = "Create a survey as a draft (staff)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "event", value = REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The survey", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SurveyDtos.View.class), examples = @ExampleObject(name = "created", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing, malformed or too long field, or a broken rule (keys, options, range, condition)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "condition", value = INVALID)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull SurveyDtos.Request body) {
        return surveys.create(body).map(SurveyResource::created);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSurvey", summary = "One survey (staff); the ETag is its version")
    @APIResponse(responseCode = "200", description = "The survey", headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SurveyDtos.View.class), examples = @ExampleObject(name = "survey", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> get(@PathParam("id") long id) {
        return surveys.get(id).map(SurveyResource::ok);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateSurvey", summary = "Replace the whole survey document (staff); send the version you read as If-Match",
            description = "Once the survey has a response, a change that would alter what earlier answers mean (removing or retyping a "
                    + "question, removing an option, a NUMBER range that leaves out given answers, a changed condition, a new required "
                    + "question, other access) is a 409 listing every reason. Fixing texts, reordering, and adding optional questions "
                    + "or new options at the end are allowed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "event", value = REQUEST)))
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SurveyDtos.View.class), examples = @ExampleObject(name = "survey", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing, malformed or too long field, or a broken rule (keys, options, range, condition)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "condition", value = INVALID)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The change would alter what earlier answers mean", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "option removed", value = ANSWERED)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", headers = @Header(name = "ETag", description = "The current version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SurveyDtos.Request body) {
        return surveys.update(id, IfMatch.version(ifMatch), body).map(SurveyResource::ok);
    }

    @POST
    @Path("/{id}/publish")
    @Operation(operationId = "publishSurvey", summary = "Publish a draft or reopen a closed survey (staff); publishing a published one changes nothing")
    @APIResponse(responseCode = "200", description = "Published", headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SurveyDtos.View.class), examples = @ExampleObject(name = "survey", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> publish(@PathParam("id") long id) {
        return surveys.publish(id).map(SurveyResource::ok);
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeSurvey", summary = "Close a published survey to answers (staff); closing a closed one changes nothing")
    @APIResponse(responseCode = "200", description = "Closed", headers = @Header(name = "ETag", description = "The version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SurveyDtos.View.class), examples = @ExampleObject(name = "survey", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "Still a draft", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "draft", value = NOT_PUBLISHED)))
    public Uni<Response> close(@PathParam("id") long id) {
        return surveys.close(id).map(SurveyResource::ok);
    }

    @POST
    @Path("/{id}/duplicate")
    @Operation(operationId = "duplicateSurvey", summary = "A draft copy of the survey, its title marked (salinan) / (copy) (staff)")
    @APIResponse(responseCode = "201", description = "Copied", headers = @Header(name = "Location", description = "The copy", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SurveyDtos.View.class), examples = @ExampleObject(name = "copy", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> duplicate(@PathParam("id") long id) {
        return surveys.duplicate(id).map(SurveyResource::created);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSurvey", summary = "Delete a survey that has no response yet (staff)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "It has responses", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "answered", value = HAS_RESPONSES)))
    public Uni<Response> delete(@PathParam("id") long id) {
        return surveys.delete(id).map(nothing -> Response.noContent().build());
    }

    private static Response created(SurveyDtos.View survey) {
        return Response.created(URI.create("/surveys/" + survey.id())).tag(new EntityTag(String.valueOf(survey.version()))).entity(survey).build();
    }

    private static Response ok(SurveyDtos.View survey) {
        return Response.ok(survey).tag(new EntityTag(String.valueOf(survey.version()))).build();
    }
}
