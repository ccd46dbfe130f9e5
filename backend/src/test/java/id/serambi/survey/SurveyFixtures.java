package id.serambi.survey;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Survey documents for a test, as mutable maps, built afresh on every call. */
public final class SurveyFixtures {

    private SurveyFixtures() {
    }

    public static Map<String, Object> text(String id, String en) {
        return new LinkedHashMap<>(Map.of("id", id, "en", en));
    }

    public static Map<String, Object> option(String key) {
        return new LinkedHashMap<>(Map.of("key", key, "label", text("Pilihan " + key, "Option " + key)));
    }

    public static Map<String, Object> question(String key, String type, boolean required, String... options) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("key", key);
        q.put("text", text("Pertanyaan " + key + "?", "Question " + key + "?"));
        q.put("type", type);
        q.put("required", required);
        if (options.length > 0) {
            List<Object> list = new ArrayList<>();
            for (String o : options) {
                list.add(option(o));
            }
            q.put("options", list);
        }
        return q;
    }

    /**
     * A survey with every question type: datang (SINGLE ya/tidak), alasan (LONG_TEXT shown when datang = tidak), topik
     * (MULTIPLE buku/film/musik), puas (SCALE_5), nps (NPS), nama (SHORT_TEXT, optional), tanggal (DATE), umur
     * (NUMBER 5..99).
     */
    public static Map<String, Object> survey(String title) {
        Map<String, Object> alasan = question("alasan", "LONG_TEXT", true);
        alasan.put("condition", new LinkedHashMap<>(Map.of("questionKey", "datang", "optionKey", "tidak")));
        Map<String, Object> umur = question("umur", "NUMBER", false);
        umur.put("min", 5);
        umur.put("max", 99);
        List<Object> first = new ArrayList<>(List.of(question("datang", "SINGLE_CHOICE", true, "ya", "tidak"), alasan,
                question("topik", "MULTIPLE_CHOICE", false, "buku", "film", "musik")));
        List<Object> second = new ArrayList<>(List.of(question("puas", "SCALE_5", true), question("nps", "NPS", true),
                question("nama", "SHORT_TEXT", false), question("tanggal", "DATE", false), umur));
        Map<String, Object> s1 = new LinkedHashMap<>();
        s1.put("title", text("Tentang acara", "About the event"));
        s1.put("questions", first);
        Map<String, Object> s2 = new LinkedHashMap<>();
        s2.put("title", null);
        s2.put("questions", second);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", text(title, title + " (en)"));
        body.put("introduction", text("Bantu kami memperbaiki acara kami.", "Help us improve our events."));
        body.put("access", "ANONYMOUS");
        body.put("onePerPerson", false);
        body.put("sections", new ArrayList<>(List.of(s1, s2)));
        return body;
    }

    /** The questions of a section of the document, to change in place. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> questions(Map<String, Object> survey, int section) {
        return (List<Map<String, Object>>) ((List<Map<String, Object>>) survey.get("sections")).get(section).get("questions");
    }

    /** The question with this key, to change in place. */
    public static Map<String, Object> find(Map<String, Object> survey, String key) {
        for (int s = 0; s < ((List<?>) survey.get("sections")).size(); s++) {
            for (Map<String, Object> q : questions(survey, s)) {
                if (key.equals(q.get("key"))) {
                    return q;
                }
            }
        }
        throw new IllegalArgumentException(key);
    }

    @SuppressWarnings("unchecked")
    public static List<Object> options(Map<String, Object> survey, String key) {
        return (List<Object>) find(survey, key).get("options");
    }

    /** Creates it; its id. */
    public static long create(String staff, Map<String, Object> survey) {
        return ((Number) given().auth().oauth2(staff).contentType(ContentType.JSON).body(survey).post("/api/surveys")
                .then().statusCode(201).extract().path("id")).longValue();
    }
}
