package id.serambi.event.registration;

/** The age group a patron may give when registering; used for statistics only. */
public enum AgeGroup {
    CHILD, TEEN, ADULT, SENIOR
}
