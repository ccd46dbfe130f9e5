package id.serambi.assistant.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assistant's matcher on the demo knowledge base (resources assistant/demo-entries.json) and the evaluation set
 * (test resources assistant/evaluation.csv, written without seeing the entries' wording). Issue 19's targets are top-1
 * 85 % and at most 2 % of the hand-over questions answered confidently (1 of 51), at the threshold the app answers at
 * ({@code serambi.assistant.threshold}). Reached: top-1 90.6 % (English 86.7 %), and at 0.55 128 of the 159 answerable
 * questions answered rightly (89 before typos were mended before stemming and entries' texts were counted together),
 * 7 wrongly, 1 of the 51 hand-over questions answered. The test holds these figures, so that no change makes them
 * worse unseen.
 */
class FaqIndexTest {

    static FaqIndex index;

    @BeforeAll
    static void build() throws Exception {
        JsonNode entries = new ObjectMapper().readTree(FaqIndexTest.class.getResourceAsStream("/assistant/demo-entries.json"));
        List<FaqIndex.Entry> list = new ArrayList<>();
        for (JsonNode e : entries) {
            List<String> phrasings = new ArrayList<>(List.of(e.get("question").get("id").asText()));
            e.get("alternatives").forEach(a -> phrasings.add(a.asText()));
            List<String> context = new ArrayList<>(List.of(e.get("answer").get("id").asText(), e.get("answer").get("en").asText()));
            e.get("tags").forEach(t -> context.add(t.asText()));
            list.add(new FaqIndex.Entry(e.get("key").asText(), phrasings, List.of(e.get("question").get("en").asText()), context));
        }
        index = FaqIndex.build(new FaqAnalyzers(), list);
    }

    @Test
    void anEntrysOwnQuestionMatchesItFully() {
        FaqIndex.Match m = index.best("Berapa denda jika terlambat mengembalikan buku?");
        assertEquals("denda", m.key());
        assertTrue(m.confidence() > 0.6, "confidence " + m.confidence());
    }

    @Test
    void chatShorthandAndTyposMeetTheirEntry() {
        assertEquals("pinjam-buku", index.best("sekali pinjem boleh brp bk, brp hari?").key());
        assertEquals("wifi", index.best("ada wi-fi gk?").key());
        assertEquals("denda", index.best("dnda telat balikin buku brp").key());
    }

    @Test
    void wordsTheLibraryNeverUsesMeetNothing() {
        FaqIndex.Match m = index.best("siapa pemenang piala dunia");
        assertTrue(m.key() == null || m.confidence() < 0.5, m.toString());
        assertNull(index.best("").key());
    }

    @Test
    void typosAreMendedBeforeStemming() {
        assertEquals("alamat", index.best("alamt perpustakan dimna").key());
        assertEquals(1, ChatWords.distance("perpustakan", "perpustakaan", 2));
        assertEquals(1, ChatWords.distance("kelilng", "keliling", 2));
        assertEquals(1, ChatWords.distance("peprus", "perpus", 2), "two letters swapped are one edit");
    }

    @Test
    void aLargeKnowledgeBaseFindsTheEntryOfItsRareWordAmongCommonOnes() {
        // 1,500 entries that all say "pinjam buku di perpustakaan": those words are common (in more than 1,000
        // phrasings), each entry's own word is rare; the search walks the rare word's list.
        List<FaqIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String word = madeUp(i);
            entries.add(new FaqIndex.Entry("e" + i, List.of("Bagaimana cara meminjam buku " + word + " di perpustakaan?",
                    "pinjem buku " + word + " gmn"), List.of("How do I borrow the " + word + " book?"),
                    List.of("Buku " + word + " dipinjam di meja layanan perpustakaan.", word)));
        }
        FaqIndex large = FaqIndex.build(new FaqAnalyzers(), entries);
        String word = madeUp(777);
        FaqIndex.Match m = large.best("min, gmn cara pinjem buku " + word + " di perpus?");
        assertEquals("e777", m.key());
        assertTrue(m.confidence() > 0.8, m.toString());
        // Only common words: still an answer from the common words' lists, with a modest confidence.
        FaqIndex.Match common = large.best("pinjam buku perpustakaan");
        assertTrue(common.key() != null && common.confidence() < 0.9, common.toString());
    }

    @Test
    void theEvaluationSetsFiguresHoldWhereTheyAre() throws Exception {
        List<CSVRecord> rows;
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/assistant/evaluation.csv"), StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        int answerable = 0, top1 = 0, english = 0, englishTop1 = 0, handover = 0;
        double threshold = threshold();
        double[] thresholds = {0.45, threshold, 0.65};
        int[] handoverAnswered = new int[3];
        int[] rightAnswered = new int[3];
        int[] wrongAnswered = new int[3];
        for (CSVRecord r : rows) {
            FaqIndex.Match m = index.best(r.get("question"));
            if ("HANDOVER".equals(r.get("expected"))) {
                handover++;
                for (int i = 0; i < thresholds.length; i++) {
                    handoverAnswered[i] += m.key() != null && m.confidence() >= thresholds[i] ? 1 : 0;
                }
            } else {
                answerable++;
                boolean right = r.get("expected").equals(m.key());
                top1 += right ? 1 : 0;
                for (int i = 0; i < thresholds.length; i++) {
                    rightAnswered[i] += right && m.confidence() >= thresholds[i] ? 1 : 0;
                    wrongAnswered[i] += !right && m.key() != null && m.confidence() >= thresholds[i] ? 1 : 0;
                }
                if ("en".equals(r.get("language"))) {
                    english++;
                    englishTop1 += right ? 1 : 0;
                }
            }
        }
        System.out.printf("Tanya Perpustakaan evaluation: %d questions; top-1 %.1f %% of %d answerable (English %.1f %% of %d); "
                + "at confidence %.2f / %.2f (the app's threshold) / %.2f: answered rightly %d / %d / %d and wrongly %d / %d / %d "
                + "of %d, hand-over questions answered %d / %d / %d of %d%n", rows.size(), 100.0 * top1 / answerable, answerable,
                100.0 * englishTop1 / english, english, thresholds[0], thresholds[1], thresholds[2], rightAnswered[0],
                rightAnswered[1], rightAnswered[2], wrongAnswered[0], wrongAnswered[1], wrongAnswered[2], answerable,
                handoverAnswered[0], handoverAnswered[1], handoverAnswered[2], handover);
        assertTrue(rows.size() >= 150);
        assertTrue(100.0 * top1 / answerable >= 85.0, "issue 19: top-1 at least 85 %");
        assertTrue(100.0 * handoverAnswered[1] / handover <= 2.0, "issue 19: at most 2 % of the hand-over questions answered");
        assertTrue(100.0 * top1 / answerable >= 90.0, "top-1 fell below the 90.6 % reached");
        assertTrue(rightAnswered[1] >= 128, "fewer than the 128 answered rightly at the threshold");
    }

    /** A word of its own for each number: "zu", the number's base-26 digits as the letters a to z, and "x". */
    private static String madeUp(int i) {
        StringBuilder w = new StringBuilder();
        for (int n = i; w.isEmpty() || n > 0; n /= 26) {
            w.append((char) ('a' + n % 26));
        }
        return "zu" + w + "x";
    }

    /** The app's {@code serambi.assistant.threshold} (application.properties). */
    private static double threshold() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = FaqIndexTest.class.getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        return Double.parseDouble(p.getProperty("serambi.assistant.threshold"));
    }
}
