package id.serambi.event.questions;

/** A live question waits for moderation (PENDING); the audience sees it once APPROVED or ANSWERED. */
public enum QuestionStatus {
    PENDING, APPROVED, HIDDEN, ANSWERED;

    boolean isPublic() {
        return this == APPROVED || this == ANSWERED;
    }
}
