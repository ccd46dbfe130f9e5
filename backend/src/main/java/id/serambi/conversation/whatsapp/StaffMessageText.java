package id.serambi.conversation.whatsapp;

import java.util.List;

/**
 * How staff's message to registrants is worded on WhatsApp. Inside the 24-hour window it goes as free text: the event's
 * title in bold, then the message as staff wrote it (line breaks kept), cut to the Cloud API's 4,096 characters. Outside
 * it goes as the STAFF_MESSAGE template, whose parameters may hold no line break, no tab and no run of 4 or more spaces
 * (else error 132018): each parameter is flattened (every run of line breaks becomes " / ", every other run of
 * whitespace one space) and cut, with an ellipsis, to {@value #TITLE_MAX} characters for the title and
 * {@value #BODY_MAX} for the message, so the template's body stays within WhatsApp's 1,024 characters.
 */
final class StaffMessageText {

    static final int TEXT_MAX = 4096;
    static final int TITLE_MAX = 120;
    static final int BODY_MAX = 700;

    private StaffMessageText() {
    }

    /** The free text sent inside the 24-hour window. */
    static String text(String eventTitle, String body) {
        return cut("*" + flatten(eventTitle, TITLE_MAX) + "*\n\n" + body.strip(), TEXT_MAX);
    }

    /** The template's body parameters: the event's title and the message, each on one line. */
    static List<String> parameters(String eventTitle, String body) {
        return List.of(flatten(eventTitle, TITLE_MAX), flatten(body, BODY_MAX));
    }

    /** One line: no line break, no tab, no run of spaces; at most {@code max} characters. */
    static String flatten(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", " / ").replaceAll("[\\s\\u00A0]+", " ");
        return cut(oneLine, max);
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
