package id.serambi.challenge.catalogue;

/** What a challenge counts towards its goal. */
public enum GoalType {
    BOOKS, PAGES, MINUTES
}
