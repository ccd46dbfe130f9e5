package id.serambi.conversation.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Staff's message on WhatsApp: template parameters on one line and capped; free text kept but capped. */
class StaffMessageTextTest {

    @Test
    void templateParametersHoldNoLineBreakTabOrRunOfSpaces() {
        List<String> p = StaffMessageText.parameters("  Dongeng\tSabtu  ", "Halo,\r\n\r\n  besok\t\tkita    mulai\n\njam 9.");
        assertEquals(List.of("Dongeng Sabtu", "Halo, / besok kita mulai / jam 9."), p);
        for (String value : p) {
            assertFalse(value.matches("(?s).*(\\R|\\t| {4,}).*"), value);
        }
    }

    @Test
    void longTextsAreCutWithAnEllipsis() {
        String body = "kata ".repeat(1000);
        String flat = StaffMessageText.parameters("Acara", body).get(1);
        assertEquals(StaffMessageText.BODY_MAX, flat.length());
        assertTrue(flat.endsWith("…"));
        String text = StaffMessageText.text("Acara", "baris\n".repeat(2000));
        assertTrue(text.length() <= StaffMessageText.TEXT_MAX);
        assertTrue(text.startsWith("*Acara*\n\nbaris\nbaris\n"));
    }
}
