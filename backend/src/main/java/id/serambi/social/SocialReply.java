package id.serambi.social;

/**
 * A reply staff send from the inbox through a connected account: an answer under a comment ({@link Kind#COMMENT},
 * {@code to} the comment's id) or a direct message ({@link Kind#DIRECT}, {@code to} the recipient's scoped id).
 */
public record SocialReply(Kind kind, String to, String text) {

    public enum Kind {
        COMMENT, DIRECT
    }
}
