package id.serambi.event.registration;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event's feedback, newest first, with the average rating (null without any). */
@Schema(name = "FeedbackSummary")
public record FeedbackSummary(@Schema(examples = "12") int count, @Schema(nullable = true, description = "Null without any feedback", examples = "4.5") Double averageRating,
        List<FeedbackDto> items) {
}
