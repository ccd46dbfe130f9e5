package id.serambi.challenge;

public enum ChallengeStatus {
    DRAFT, PUBLISHED, CLOSED
}
