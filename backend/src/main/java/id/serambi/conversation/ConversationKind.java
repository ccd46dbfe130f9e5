package id.serambi.conversation;

/** What a thread is: public comments (and replies to them) on a post, a direct message conversation, or mentions. */
public enum ConversationKind {
    COMMENT, DIRECT, MENTION
}
