package id.serambi.event.catalogue;

/** An event's life: staff draft and publish it; it is cancelled, or completed once it has ended. */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED, COMPLETED
}
