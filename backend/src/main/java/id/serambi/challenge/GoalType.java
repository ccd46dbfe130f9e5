package id.serambi.challenge;

/** What a challenge counts towards its goal. */
public enum GoalType {
    BOOKS, PAGES, MINUTES
}
