package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 17 point 16: the Content-Security-Policy README.md quotes is the one every response carries. */
class ReadmeCspTest {

    @Test
    void theReadmeQuotesTheRealPolicy() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher quote = Pattern.compile("Content-Security-Policy without inline script or style \\(`([^`]+)`").matcher(readme);
        assertTrue(quote.find(), "README.md quotes the policy");
        assertEquals(SecurityHeaders.CSP, quote.group(1).replaceAll("\\s+", " ").trim());
    }
}
