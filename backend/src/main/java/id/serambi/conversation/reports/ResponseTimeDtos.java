package id.serambi.conversation.reports;

import id.serambi.conversation.ConversationChannel;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response-time report: counts, medians and 90th percentiles, in seconds. */
public final class ResponseTimeDtos {

    private ResponseTimeDtos() {
    }

    @Schema(name = "ResponseTimeFigures", description = "How many threads, and their median and 90th percentile time in seconds "
            + "(percentile_cont: interpolated); null when there are none")
    public record Figures(@Schema(examples = "14") long count,
            @Schema(nullable = true, examples = "1260") Double medianSeconds,
            @Schema(nullable = true, examples = "7380") Double p90Seconds) {
    }

    @Schema(name = "ResponseTimeWeek", description = "One week, Monday to Sunday in the library's time zone")
    public record Week(@Schema(description = "The week's Monday", examples = "2026-11-30") LocalDate week, Figures figures) {
    }

    @Schema(name = "ResponseTimeChannel")
    public record Channel(ConversationChannel channel, Figures figures) {
    }

    @Schema(name = "ResponseTimeStaff", description = "One staff member's threads; staffId null: an account since erased")
    public record Staff(@Schema(nullable = true, examples = "4") Long staffId,
            @Schema(nullable = true, examples = "Rina (staf)") String staffName, Figures figures) {
    }

    @Schema(name = "ResponseTimeMeasure", description = "One measure over the period, overall, per week, per channel and per "
            + "staff member")
    public record Measure(Figures overall, List<Week> weeks, List<Channel> channels, List<Staff> staff) {
    }

    @Schema(name = "ResponseTimeReport", description = "First-response time (the contact's first message to the first reply "
            + "from Serambi, per week of that first message, per first responder) and resolution time (the thread's creation "
            + "to its being set DONE, per week of the resolution, per assignee), over [from, to] in the library's time zone")
    public record Report(@Schema(examples = "2026-09-07") LocalDate from, @Schema(examples = "2026-12-04") LocalDate to,
            @Schema(examples = "Asia/Makassar") String timeZone, Measure firstResponse, Measure resolution) {
    }
}
