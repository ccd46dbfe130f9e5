package id.serambi.event;

/** The age group a patron may give when registering; used for statistics only. */
public enum AgeGroup {
    CHILD, TEEN, ADULT, SENIOR
}
