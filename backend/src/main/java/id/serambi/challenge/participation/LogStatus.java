package id.serambi.challenge.participation;

/** VALID logs count; FLAGGED ones wait for staff and count nothing until approved; VOIDED ones never count. */
public enum LogStatus {
    VALID, FLAGGED, VOIDED
}
