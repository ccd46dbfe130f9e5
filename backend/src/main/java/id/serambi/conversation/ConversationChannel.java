package id.serambi.conversation;

/** Where a conversation happens. */
public enum ConversationChannel {
    FACEBOOK, INSTAGRAM, X, WHATSAPP, WEB
}
