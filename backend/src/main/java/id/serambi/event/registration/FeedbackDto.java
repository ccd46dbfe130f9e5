package id.serambi.event.registration;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patron's rating and comment. */
@Schema(name = "Feedback")
public record FeedbackDto(@Schema(examples = "5") int rating,
        @Schema(nullable = true, description = "Null when only a rating was given", examples = "Diskusinya seru.") String comment,
        Instant createdAt) {

    static FeedbackDto of(EventFeedback f) {
        return new FeedbackDto(f.rating, f.comment, f.createdAt);
    }
}
