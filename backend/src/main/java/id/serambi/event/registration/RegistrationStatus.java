package id.serambi.event.registration;

/** A registration holds a seat (CONFIRMED, then ATTENDED at check-in), waits for one, or was cancelled. */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED, ATTENDED
}
