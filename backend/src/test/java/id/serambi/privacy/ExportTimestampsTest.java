package id.serambi.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The export's timestamps, as PostgreSQL writes them in JSON, come out in the API's one format; nothing else moves. */
class ExportTimestampsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void postgresTimestampsBecomeUtcMillisAndEverythingElseStays() throws Exception {
        String postgres = """
                {"createdAt":"2026-12-05T03:00:00.123456+00:00","joinedAt":"2026-12-05T11:00:00+08:00",
                 "wholeHour":"2026-12-05T11:00:00.5+08","utc":"2026-12-05T03:00:00Z","readOn":"2026-12-05",
                 "logs":[{"at":"2026-12-31T23:59:59.999999-01:00","review":"Dibaca 2026-12-05T03:00 di perpustakaan"}],
                 "points":42,"none":null}""";
        String expected = """
                {"createdAt":"2026-12-05T03:00:00.123Z","joinedAt":"2026-12-05T03:00:00.000Z",
                 "wholeHour":"2026-12-05T03:00:00.500Z","utc":"2026-12-05T03:00:00.000Z","readOn":"2026-12-05",
                 "logs":[{"at":"2027-01-01T00:59:59.999Z","review":"Dibaca 2026-12-05T03:00 di perpustakaan"}],
                 "points":42,"none":null}""";
        assertEquals(JSON.readTree(expected), PersonalData.timestampsInApiFormat(JSON.readTree(postgres)));
    }
}
