package id.serambi.event.registration;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patron's rating and comment. */
@Schema(name = "Feedback")
public record FeedbackDto(@Schema(examples = "5") int rating, String comment, Instant createdAt) {

    static FeedbackDto of(EventFeedback f) {
        return new FeedbackDto(f.rating, f.comment, f.createdAt);
    }
}
