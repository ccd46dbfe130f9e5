package id.serambi.event.messaging;

/**
 * Who of an event's registrants a message goes to: ALL active ones (confirmed, waitlisted and attended), CONFIRMED
 * (everyone holding a seat, checked in or not), WAITLISTED, or ATTENDED (checked in). Cancelled registrations and
 * guests whose data was erased never get one.
 */
public enum MessageAudience {
    ALL("r.status <> 'CANCELLED'"),
    CONFIRMED("r.status IN ('CONFIRMED', 'ATTENDED')"),
    WAITLISTED("r.status = 'WAITLISTED'"),
    ATTENDED("r.status = 'ATTENDED'");

    /** The SQL condition on a registration {@code r}. */
    final String condition;

    MessageAudience(String condition) {
        this.condition = condition;
    }
}
