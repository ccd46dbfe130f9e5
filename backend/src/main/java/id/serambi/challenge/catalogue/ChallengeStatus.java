package id.serambi.challenge.catalogue;

public enum ChallengeStatus {
    DRAFT, PUBLISHED, CLOSED
}
