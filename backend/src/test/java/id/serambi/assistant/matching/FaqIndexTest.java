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
 * 85 % and at most 2 % of the hand-over questions answered confidently; the matcher is not there yet (see the printed
 * figures): top-1 is 88.7 %, but at a confidence that answers at most 1 of the 51 hand-over questions only 89 of the
 * 159 answerable ones are answered (56 %). This test holds the figures reached, so that no change makes them worse unseen.
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
        assertTrue(m.key() == null || m.confidence() < 0.45, m.toString());
        assertNull(index.best("").key());
    }

    @Test
    void theEvaluationSetsFiguresHoldWhereTheyAre() throws Exception {
        List<CSVRecord> rows;
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/assistant/evaluation.csv"), StandardCharsets.UTF_8)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        int answerable = 0, top1 = 0, english = 0, englishTop1 = 0, handover = 0;
        int[] handoverAnswered = new int[3];
        int[] rightAnswered = new int[3];
        double[] thresholds = {0.45, 0.55, 0.6};
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
                }
                if ("en".equals(r.get("language"))) {
                    english++;
                    englishTop1 += right ? 1 : 0;
                }
            }
        }
        System.out.printf("Tanya Perpustakaan evaluation: %d questions; top-1 %.1f %% of %d answerable (English %.1f %% of %d); "
                + "at confidence 0.45 / 0.55 / 0.60: answered rightly %d / %d / %d of %d, hand-over questions answered "
                + "%d / %d / %d of %d%n", rows.size(), 100.0 * top1 / answerable, answerable, 100.0 * englishTop1 / english,
                english, rightAnswered[0], rightAnswered[1], rightAnswered[2], answerable, handoverAnswered[0],
                handoverAnswered[1], handoverAnswered[2], handover);
        assertTrue(rows.size() >= 150);
        assertTrue(100.0 * top1 / answerable >= 87.0, "top-1 fell below 87 %");
    }
}
