package id.serambi.survey;

import static id.serambi.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.serambi.challenge.ChallengeFixtures;
import id.serambi.event.EventFixtures;
import id.serambi.event.messaging.FeedbackRequestJob;
import id.serambi.support.Accounts;
import id.serambi.support.Staff;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 end to end on the backend, through HTTP only and the real {@code SurveyContexts} of the event and the
 * challenge features (nothing registered with the test stand-in): after an event through the post-event e-mail's
 * link; before and after a challenge with the comparison; an anonymous survey answered signed in; and concurrency
 * on the real path (many guests at once, and one guest's link posted many times at once).
 */
@QuarkusTest
class SurveyJourneyTest {

    private static final Pattern SURVEY_LINK = Pattern.compile("https://serambi\\.test/survei/(\\d+)\\?token=([A-Za-z0-9_-]{43})");

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Inject
    FeedbackRequestJob job;

    private static long published(String staff, String access, boolean onePerPerson) {
        Map<String, Object> body = SurveyFixtures.survey("Perjalanan " + UUID.randomUUID());
        body.put("access", access);
        body.put("onePerPerson", onePerPerson);
        long id = SurveyFixtures.create(staff, body);
        given().auth().oauth2(staff).post("/api/surveys/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        return id;
    }

    private static Map<String, Object> answers(String datang, int puas, int nps) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("datang", datang);
        if (datang.equals("tidak")) {
            a.put("alasan", "Jadwalnya terlalu pagi.");
        }
        a.put("puas", puas);
        a.put("nps", nps);
        return a;
    }

    private static RequestSpecification as(String bearer) {
        RequestSpecification request = given().header("X-Forwarded-For", Accounts.randomIp());
        return bearer == null ? request : request.auth().oauth2(bearer);
    }

    /** The form as the link opens it: {@code query} holds token, event or challenge. */
    private static JsonPath form(long surveyId, String bearer, Map<String, Object> query) {
        return as(bearer).queryParams(query).get("/api/surveys/" + surveyId + "/form").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().jsonPath();
    }

    private static Response submit(long surveyId, String bearer, Map<String, Object> query, Map<String, Object> answers) {
        return submit(surveyId, bearer, query, answers, form(surveyId, bearer, query).getString("formToken"));
    }

    private static Response submit(long surveyId, String bearer, Map<String, Object> query, Map<String, Object> answers,
            String formToken) {
        Map<String, Object> body = new LinkedHashMap<>(query);
        body.put("answers", answers);
        body.put("formToken", formToken);
        body.put("website", "");
        return as(bearer).contentType(ContentType.JSON).body(body).post("/api/surveys/" + surveyId + "/responses");
    }

    private static String teen(String prefix) {
        String email = Accounts.uniqueEmail(prefix);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "displayName", "Remaja Uji", "birthYear", 2011))
                .post("/api/auth/register").then().statusCode(202);
        return Accounts.login(email, Accounts.PASSWORD);
    }

    private static long accountOf(String bearer) {
        return given().auth().oauth2(bearer).get("/api/me").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    @Test
    void aGuestAnswersTheEventsSurveyThroughThePostEventMailsLink() throws Throwable {
        String staff = Staff.token();
        long survey = published(staff, "MANAGE_LINK", true);
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("feedbackSurveyId", survey);
        long event = EventFixtures.published(staff, body);
        String email = Accounts.uniqueEmail("tamu-survei");
        JsonPath registration = EventFixtures.register(event, "Sari", email);
        assertEquals("CONFIRMED", registration.getString("status"));
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '5 hours', ends_at = now() - interval '3 hours' "
                + "WHERE id = ?", event);

        VertxContextSupport.subscribeAndAwait(() -> job.sendDueRequests());
        List<Mail> mails = mailbox.getMailsSentTo(email).stream()
                .filter(m -> m.getSubject().startsWith("Bagaimana acaranya? ")).toList();
        assertEquals(1, mails.size(), "one post-event mail");
        Matcher link = SURVEY_LINK.matcher(mails.get(0).getText());
        assertTrue(link.find(), mails.get(0).getText());
        assertEquals(survey, Long.parseLong(link.group(1)));
        String token = link.group(2);

        Map<String, Object> query = Map.of("token", token);
        JsonPath form = form(survey, null, query);
        assertEquals(false, form.getBoolean("alreadyAnswered"));
        assertEquals("MANAGE_LINK", form.getString("access"));
        submit(survey, null, query, answers("tidak", 2, 6)).then().statusCode(201).body("received", equalTo(true));
        assertEquals(true, form(survey, null, query).getBoolean("alreadyAnswered"));
        assertProblem(submit(survey, null, query, answers("ya", 5, 10)).then(), 409, "already-answered");

        given().auth().oauth2(staff).queryParam("event", event).get("/api/surveys/" + survey + "/results").then()
                .statusCode(200).body("responses", equalTo(1))
                .body("questions.find { it.key == 'puas' }.answered", equalTo(1))
                .body("questions.find { it.key == 'puas' }.mean", equalTo(2.0f))
                .body("questions.find { it.key == 'alasan' }.shown", equalTo(1));
        given().auth().oauth2(staff).queryParam("event", 999_999_999L).get("/api/surveys/" + survey + "/results").then()
                .statusCode(200).body("responses", equalTo(0));

        long regId = registration.getLong("id");
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ?", survey));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? "
                + "AND registration_id = ? AND event_id = ? AND context_key = ? AND once AND account_id IS NULL "
                + "AND challenge_id IS NULL AND phase IS NULL AND answers->>'puas' = '2' AND answers->>'datang' = 'tidak'",
                survey, regId, event, "event:" + event));
    }

    @Test
    void teensAnswerBeforeAndAfterAChallengeAndTheResultsCompareThem() {
        String staff = Staff.token();
        long survey = published(staff, "ACCOUNT", true);
        Map<String, Object> body = ChallengeFixtures.body();
        body.put("preSurveyId", survey);
        body.put("postSurveyId", survey);
        long challenge = ChallengeFixtures.published(staff, body);
        String first = ChallengeFixtures.member(challenge, ChallengeFixtures.nickname("Pra"), null);
        String second = ChallengeFixtures.member(challenge, ChallengeFixtures.nickname("Pra"), null);
        String outsider = teen("bukan-peserta");
        Map<String, Object> query = Map.of("challenge", challenge);

        // While it runs: PRE.
        submit(survey, first, query, answers("tidak", 2, 5)).then().statusCode(201);
        submit(survey, second, query, answers("tidak", 3, 6)).then().statusCode(201);
        assertProblem(submit(survey, first, query, answers("ya", 4, 7)).then(), 409, "already-answered");
        String outsiderForm = form(survey, outsider, Map.of()).getString("formToken");
        submit(survey, outsider, query, answers("ya", 5, 10), outsiderForm).then().statusCode(403)
                .contentType("application/problem+json");
        assertProblem(submit(survey, null, query, answers("ya", 5, 10), outsiderForm).then(), 401, "sign-in-required");
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND phase = 'PRE' "
                + "AND context_key = ?", survey, "challenge:" + challenge + ":PRE"));

        // Once it ended: POST, the same survey, in its own context.
        LocalDate end = ChallengeFixtures.today().minusDays(1);
        Accounts.sql(db, "UPDATE challenge SET starts_on = ?, ends_on = ? WHERE id = ?", end.minusDays(20), end, challenge);
        assertEquals(false, form(survey, first, query).getBoolean("alreadyAnswered"));
        submit(survey, first, query, answers("ya", 5, 9)).then().statusCode(201);
        submit(survey, second, query, answers("ya", 4, 10)).then().statusCode(201);
        assertProblem(submit(survey, second, query, answers("ya", 1, 0)).then(), 409, "already-answered");

        given().auth().oauth2(staff).queryParam("challenge", challenge)
                .get("/api/surveys/" + survey + "/results/comparison").then().statusCode(200)
                .body("challengeId", equalTo((int) challenge))
                .body("preResponses", equalTo(2)).body("postResponses", equalTo(2))
                .body("participantsBoth", equalTo(2))
                .body("questions.find { it.key == 'puas' }.pre.mean", equalTo(2.5f))
                .body("questions.find { it.key == 'puas' }.post.mean", equalTo(4.5f))
                .body("questions.find { it.key == 'puas' }.answeredBoth", equalTo(2));
        given().auth().oauth2(first).queryParam("challenge", challenge)
                .get("/api/surveys/" + survey + "/results/comparison").then().statusCode(403);

        long firstId = accountOf(first);
        assertEquals(2, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND account_id = ? "
                + "AND challenge_id = ? AND age_group = 'TEEN' AND minor AND registration_id IS NULL", survey, firstId,
                challenge));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND account_id = ?",
                survey, accountOf(outsider)));
    }

    @Test
    void anAnonymousSurveyAnsweredSignedInKeepsNoLinkToThePerson() {
        String staff = Staff.token();
        long survey = published(staff, "ANONYMOUS", true);
        String member = teen("anonim");
        submit(survey, member, Map.of(), answers("ya", 4, 8)).then().statusCode(201);
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ?", survey));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND account_id IS NOT NULL", survey));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND registration_id IS NOT NULL", survey));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND age_group IS NOT NULL", survey));
        assertEquals(0, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND minor", survey));
        assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? AND context_key = '' "
                + "AND event_id IS NULL AND challenge_id IS NULL AND answers->>'puas' = '4'", survey));
        // Nothing about the person in the member's export either.
        given().auth().oauth2(member).get("/api/me/export").then().statusCode(200)
                .body("surveys.size()", equalTo(0));
    }

    @Test
    void fiftyGuestsAtOnceAreAllKeptAndOneGuestsLinkTenTimesAtOnceOnlyOnce() throws Exception {
        String staff = Staff.token();
        long survey = published(staff, "MANAGE_LINK", true);
        Map<String, Object> body = EventFixtures.body(EventFixtures.uniqueDay());
        body.put("feedbackSurveyId", survey);
        body.put("capacity", 60);
        long event = EventFixtures.published(staff, body);
        List<Long> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            JsonPath r = EventFixtures.register(event, "Tamu " + i, Accounts.uniqueEmail("tamu" + i));
            assertEquals("CONFIRMED", r.getString("status"));
            ids.add(r.getLong("id"));
            tokens.add(r.getString("manageToken"));
        }
        started(event); // the feedback survey opens when the event starts
        List<String> formTokens = tokens.stream().map(t -> form(survey, null, Map.of("token", t)).getString("formToken"))
                .toList();

        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> fifty = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                fifty.add(pool.submit(() -> {
                    go.await();
                    return submit(survey, null, Map.of("token", tokens.get(n)), answers("ya", 1 + n % 5, n % 11),
                            formTokens.get(n)).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> f : fifty) {
                assertEquals(201, f.get());
            }
            assertEquals(50, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ?", survey));
            for (int i = 0; i < 50; i++) {
                assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ? "
                        + "AND registration_id = ? AND answers->>'puas' = ? AND answers->>'nps' = ?", survey, ids.get(i),
                        String.valueOf(1 + i % 5), String.valueOf(i % 11)), "guest " + i + " linked to their own registration");
            }

            CountDownLatch again = new CountDownLatch(1);
            String last = tokens.get(50);
            List<Future<Integer>> ten = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String formToken = formTokens.get(50);
                Callable<Integer> post = () -> {
                    again.await();
                    return submit(survey, null, Map.of("token", last), answers("ya", 3, 7), formToken).statusCode();
                };
                ten.add(pool.submit(post));
            }
            again.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : ten) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
            assertEquals(1, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE registration_id = ?", ids.get(50)));
            assertEquals(51, Accounts.count(db, "SELECT count(*) FROM survey_response WHERE survey_id = ?", survey));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Moves the event into the past: its feedback survey is open once it has started. */
    private void started(long event) {
        Accounts.sql(db, "UPDATE event SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' "
                + "WHERE id = ?", event);
    }

}
