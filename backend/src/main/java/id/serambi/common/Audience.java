package id.serambi.common;

/** Who an event is meant for. */
public enum Audience {
    ALL, CHILDREN, TEENS, ADULTS
}
