package id.serambi.event.catalogue;

import id.serambi.common.SerambiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Links into the web app, and event times as patrons read them: in the library's zone, in Bahasa Indonesia. */
@ApplicationScoped
public class EventLinks {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'pukul' HH.mm",
            INDONESIAN);

    private final String publicUrl;
    private final ZoneId zone;
    private final String libraryName;

    public EventLinks(SerambiConfig config) {
        String url = config.publicUrl();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.zone = config.library().timeZone();
        this.libraryName = config.library().name();
    }

    /** The public catalogue of events. */
    public String catalogue() {
        return publicUrl + "/acara";
    }

    public String eventPage(long eventId) {
        return publicUrl + "/acara/" + eventId;
    }

    /** The patron's page for one registration; the token is the only key to it. */
    public String managePage(String token) {
        return publicUrl + "/acara/pendaftaran/" + token;
    }

    /**
     * The event's feedback survey, answered as this registration (the manage token says who, and the survey feature
     * asks this feature's SurveyContexts whether they may).
     */
    public String feedbackSurvey(long surveyId, String token) {
        return publicUrl + feedbackSurveyPath(surveyId, token);
    }

    /** The same as a path inside the web app. */
    public static String feedbackSurveyPath(long surveyId, String token) {
        return "/survei/" + surveyId + "?token=" + token;
    }

    public String whatsappShare(Event e) {
        String text = e.title + " (" + format(e.startsAt) + ") " + eventPage(e.id);
        return "https://wa.me/?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A click-to-chat link to the patron's own WhatsApp number carrying a text, so that it sits in their chats (no
     * WhatsApp API or key involved). Null when they gave no number.
     */
    public String whatsappTo(String whatsapp, String text) {
        if (whatsapp == null) {
            return null;
        }
        return "https://wa.me/" + whatsapp.replace("+", "") + "?text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String libraryName() {
        return libraryName;
    }

    /** For example "Sabtu, 5 Desember 2026 pukul 19.00 WITA". */
    public String format(Instant instant) {
        return WHEN.format(instant.atZone(zone)) + " " + zoneLabel();
    }

    String zoneLabel() {
        return switch (zone.getId()) {
            case "Asia/Makassar" -> "WITA";
            case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
            case "Asia/Jayapura" -> "WIT";
            default -> zone.getDisplayName(TextStyle.SHORT, INDONESIAN);
        };
    }
}
