package id.serambi.event.catalogue;

/** What kind of virtual event it is. */
public enum EventType {
    BOOK_DISCUSSION, SEMINAR, ONLINE_LECTURE, LIVE_QA, WORKSHOP, BOOK_CLUB
}
