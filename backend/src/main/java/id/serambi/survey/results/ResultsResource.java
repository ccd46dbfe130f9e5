package id.serambi.survey.results;

import id.serambi.account.Role;
import id.serambi.common.CsvExport;
import id.serambi.common.PageDto;
import id.serambi.common.Problem;
import id.serambi.common.QueryParameters;
import id.serambi.common.SerambiConfig;
import id.serambi.common.XlsxExport;
import id.serambi.survey.SurveyContexts;
import id.serambi.survey.results.ResultsDtos.Filter;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A survey's results for staff: the figures per question, the text answers, before/after a challenge, and the
 * responses as CSV or Excel. Every endpoint takes the same filters. Free text is never public: all of this is staff-only.
 */
@Path("/surveys/{id}/results")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.STAFF_NAME, Role.ADMIN_NAME })
@Tag(name = "Survey results", description = "Charts' figures, text answers, before/after comparison and exports of a survey's responses (issue 20)")
public class ResultsResource {

    static final String CSV = "text/csv";
    static final String EXAMPLE = """
            {"surveyId":1,"title":{"id":"Survei acara","en":"Event survey"},"responses":20,"questions":[\
            {"key":"datang-lagi","text":{"id":"Akan datang lagi?","en":"Would you come again?"},"type":"SINGLE_CHOICE","condition":null,\
            "shown":20,"answered":20,"options":[{"key":"ya","label":{"id":"Ya","en":"Yes"},"count":15,"share":0.75},\
            {"key":"tidak","label":{"id":"Tidak","en":"No"},"count":5,"share":0.25}],"distribution":null,"mean":null,"nps":null,"number":null,"months":null},\
            {"key":"rekomendasi","text":{"id":"Seberapa mungkin Anda merekomendasikan kami?","en":"How likely are you to recommend us?"},\
            "type":"NPS","condition":null,"shown":20,"answered":10,"options":null,"distribution":[{"value":0,"count":0},{"value":1,"count":0},\
            {"value":2,"count":0},{"value":3,"count":1},{"value":4,"count":0},{"value":5,"count":0},{"value":6,"count":1},{"value":7,"count":2},\
            {"value":8,"count":0},{"value":9,"count":3},{"value":10,"count":3}],"mean":7.8,"nps":{"promoters":6,"passives":2,"detractors":2,"score":40.0},\
            "number":null,"months":null}]}""";
    static final String NOT_FOUND = """
            {"type":"https://serambi.id/problems/not-found","title":"Not found","status":404,"detail":"Survey 1 does not exist"}""";
    static final String BAD_FILTER = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,\
            "detail":"audience: must be one of CHILD, TEEN, ADULT, SENIOR","errors":[{"field":"audience","message":"must be one of CHILD, TEEN, ADULT, SENIOR"}]}""";
    static final String CSV_EXAMPLE = "Tanggal,Acara,Tantangan,Fase,Kelompok usia,Akan datang lagi?,Mengapa tidak?\r\n"
            + "2026-11-23,Mendongeng Sabtu Pagi,,,Dewasa,Tidak,'=HYPERLINK(\"x\")\r\n";

    /** The age groups a response may carry (the audience filter). */
    public enum AgeGroup {
        CHILD, TEEN, ADULT, SENIOR
    }

    private final ResultsService results;
    private final ZoneId zone;

    public ResultsResource(ResultsService results, SerambiConfig config) {
        this.results = results;
        this.zone = config.library().timeZone();
    }

    @GET
    @Operation(operationId = "getSurveyResults", summary = "The figures of every question of a survey, in order (staff)",
            description = "Counts are always given; the SPA marks a base under 10. A question's base (shown) is every response in "
                    + "the filter, or for a conditional question those that gave the condition's answer. Choices: count per option "
                    + "and its share of those who answered (for multiple choice, of respondents). SCALE_5: distribution 1..5 and mean. "
                    + "NPS: distribution 0..10, promoters (9–10), passives (7–8), detractors (0–6), score = (promoters − detractors) ÷ "
                    + "answered × 100. NUMBER: min, median, mean, max. DATE: answers per month. Texts: the count only (see "
                    + "getSurveyTextAnswers).")
    @APIResponse(responseCode = "200", description = "The results", content = @Content(schema = @Schema(implementation = ResultsDtos.Results.class),
            examples = @ExampleObject(name = "results", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "audience", value = BAD_FILTER)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<ResultsDtos.Results> results(@PathParam("id") long id,
            @Parameter(description = "Only responses given after this event", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("event") String event,
            @Parameter(description = "Only responses given in this challenge", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("challenge") String challenge,
            @Parameter(description = "Only responses given before (PRE) or after (POST) a challenge", schema = @Schema(enumeration = { "PRE", "POST" })) @QueryParam("phase") String phase,
            @Parameter(description = "First day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Only respondents of this age group", schema = @Schema(implementation = AgeGroup.class)) @QueryParam("audience") String audience) {
        QueryParameters query = new QueryParameters();
        Filter filter = filter(query, event, challenge, phase, from, to, audience);
        query.check();
        return results.results(id, filter);
    }

    @GET
    @Path("/texts")
    @Operation(operationId = "getSurveyTextAnswers", summary = "The text answers of one question, newest first, paged, with a search (staff)",
            description = "Only SHORT_TEXT and LONG_TEXT questions; blank answers are left out. q finds the text anywhere, in any letter case.")
    @APIResponse(responseCode = "200", description = "A page of answers", content = @Content(schema = @Schema(implementation = ResultsDtos.TextPage.class),
            examples = @ExampleObject(name = "answers", value = "{\"items\":[{\"submittedOn\":\"2026-11-23\",\"text\":\"Ruangannya terlalu panas\","
                    + "\"eventId\":12,\"challengeId\":null,\"phase\":null}],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "No text question of this key, a bad filter, or a page too deep", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "audience", value = BAD_FILTER)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<ResultsDtos.TextPage> texts(@PathParam("id") long id,
            @Parameter(description = "The question's key", required = true, schema = @Schema(type = SchemaType.STRING, maxLength = 40)) @QueryParam("question") String question,
            @Parameter(description = "A fragment of the answer, any letter case", schema = @Schema(type = SchemaType.STRING, maxLength = 100)) @QueryParam("q") String search,
            @Parameter(description = "The page, from 0", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", defaultValue = "0"))
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Answers per page, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20") int size,
            @Parameter(description = "Only responses given after this event", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("event") String event,
            @Parameter(description = "Only responses given in this challenge", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("challenge") String challenge,
            @Parameter(description = "Only responses given before (PRE) or after (POST) a challenge", schema = @Schema(enumeration = { "PRE", "POST" })) @QueryParam("phase") String phase,
            @Parameter(description = "First day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Only respondents of this age group", schema = @Schema(implementation = AgeGroup.class)) @QueryParam("audience") String audience) {
        QueryParameters query = new QueryParameters();
        Filter filter = filter(query, event, challenge, phase, from, to, audience);
        if (question == null || question.isBlank()) {
            query.invalid("question", "is required (the key of a text question)");
        } else if (question.length() > 40) {
            query.invalid("question", "must be at most 40 characters");
        }
        String q = search == null || search.isBlank() ? null : search.strip();
        if (q != null && q.length() > 100) {
            query.invalid("q", "must be at most 100 characters");
        }
        query.check();
        return results.texts(id, question.strip(), q, filter, PageDto.Request.of(page, size));
    }

    @GET
    @Path("/comparison")
    @Operation(operationId = "getSurveyComparison", summary = "A survey's figures before and after a challenge, side by side (staff)",
            description = "pre and post are the figures of the responses given before (PRE) and after (POST) the challenge, as in "
                    + "getSurveyResults; participantsBoth and answeredBoth count the accounts that answered in both phases (an "
                    + "anonymous survey links no account, so they are 0 there).")
    @APIResponse(responseCode = "200", description = "The comparison", content = @Content(schema = @Schema(implementation = ResultsDtos.Comparison.class)))
    @APIResponse(responseCode = "400", description = "No challenge, or a bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "audience", value = BAD_FILTER)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey or challenge", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<ResultsDtos.Comparison> comparison(@PathParam("id") long id,
            @Parameter(description = "The challenge", required = true, schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("challenge") String challenge,
            @Parameter(description = "Only responses given after this event", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("event") String event,
            @Parameter(description = "First day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Only respondents of this age group", schema = @Schema(implementation = AgeGroup.class)) @QueryParam("audience") String audience) {
        QueryParameters query = new QueryParameters();
        Filter filter = filter(query, event, challenge, null, from, to, audience);
        if (challenge == null || challenge.isBlank()) {
            query.invalid("challenge", "is required (a challenge id)");
        }
        query.check();
        return results.comparison(id, filter.challengeId(), filter);
    }

    @GET
    @Path("/responses.csv")
    @Produces(CSV)
    @Operation(operationId = "exportSurveyResponsesCsv", summary = "Every response in the filter as CSV, one row each (staff)",
            description = "UTF-8 with a byte-order mark, comma-separated, a header row: day, event title, challenge title, phase "
                    + "(Sebelum/Sesudah), age group (Anak, Remaja, Dewasa, Lansia), then one column per question headed by its "
                    + "Indonesian text: option labels in Bahasa Indonesia, multiple choices joined with \"; \". No account, name or "
                    + "registration. Text that a spreadsheet could run as a formula (also after a ',' or ';' inside it) gets a leading '.")
    @APIResponse(responseCode = "200", description = "The CSV", headers = @Header(name = "Content-Disposition",
            description = "attachment; filename=\"survei-<id>.csv\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"), examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "audience", value = BAD_FILTER)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> csv(@PathParam("id") long id,
            @Parameter(description = "Only responses given after this event", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("event") String event,
            @Parameter(description = "Only responses given in this challenge", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("challenge") String challenge,
            @Parameter(description = "Only responses given before (PRE) or after (POST) a challenge", schema = @Schema(enumeration = { "PRE", "POST" })) @QueryParam("phase") String phase,
            @Parameter(description = "First day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Only respondents of this age group", schema = @Schema(implementation = AgeGroup.class)) @QueryParam("audience") String audience) {
        QueryParameters query = new QueryParameters();
        Filter filter = filter(query, event, challenge, phase, from, to, audience);
        query.check();
        return results.export(id, filter).map(export -> Response.ok(CsvExport.bytes(export.header(), export.rows()))
                .type(CSV + "; charset=UTF-8").header("Content-Disposition", XlsxExport.attachment("survei-" + id + ".csv")).build());
    }

    @GET
    @Path("/responses.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    @Operation(operationId = "exportSurveyResponsesXlsx", summary = "Every response in the filter as an Excel file, one row each (staff)",
            description = "The CSV's columns for people: a bold header that stays in view, the day as a date cell, numbers as "
                    + "number cells and every text as a text cell, which a spreadsheet never evaluates.")
    @APIResponse(responseCode = "200", description = "The Excel file", headers = @Header(name = "Content-Disposition",
            description = "attachment; filename=\"survei-<id>.xlsx\"", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = XlsxExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "An .xlsx workbook with one sheet, Jawaban")))
    @APIResponse(responseCode = "400", description = "A bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "audience", value = BAD_FILTER)))
    @APIResponse(responseCode = "401", description = "Not logged in", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such survey", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Uni<Response> xlsx(@PathParam("id") long id,
            @Parameter(description = "Only responses given after this event", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("event") String event,
            @Parameter(description = "Only responses given in this challenge", schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @QueryParam("challenge") String challenge,
            @Parameter(description = "Only responses given before (PRE) or after (POST) a challenge", schema = @Schema(enumeration = { "PRE", "POST" })) @QueryParam("phase") String phase,
            @Parameter(description = "First day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Only respondents of this age group", schema = @Schema(implementation = AgeGroup.class)) @QueryParam("audience") String audience) {
        QueryParameters query = new QueryParameters();
        Filter filter = filter(query, event, challenge, phase, from, to, audience);
        query.check();
        return results.export(id, filter).chain(export -> XlsxExport.offTheEventLoop(() -> XlsxExport.write("Jawaban",
                export.header(), export.rows(), zone))).map(file -> Response.ok(file).type(XlsxExport.MEDIA_TYPE)
                .header("Content-Disposition", XlsxExport.attachment("survei-" + id + ".xlsx")).build());
    }

    private static Filter filter(QueryParameters query, String event, String challenge, String phase, String from, String to,
            String audience) {
        Long eventId = query.id("event", event);
        Long challengeId = query.id("challenge", challenge);
        SurveyContexts.Phase p = query.enumValue("phase", phase, SurveyContexts.Phase.class);
        LocalDate fromDay = query.date("from", from);
        LocalDate toDay = query.date("to", to);
        query.period(fromDay, toDay, 3660);
        AgeGroup group = query.enumValue("audience", audience, AgeGroup.class);
        return new Filter(eventId, challengeId, p == null ? null : p.name(), fromDay, toDay, group == null ? null : group.name());
    }
}
