package id.serambi.conversation;

import io.smallrye.mutiny.Uni;

/**
 * The inbox's WEB channel, for Tanya Perpustakaan (the assistant feature) to pass a web asker's questions to a person:
 * each question becomes an inbound message of a WEB, DIRECT thread (through {@link Conversations#ingest}). Both
 * methods chain on the caller's session, and {@link #pass} on its transaction.
 *
 * <p>The asker is known only by a conversation token (256 random bits, base64url, 43 characters) that the inbox hands
 * out with the first hand-over; the inbox keeps only its SHA-256.</p>
 */
public interface WebConversations {

    /**
     * Who asks.
     *
     * @param accountId the signed-in account, or null for an anonymous asker
     * @param name the name staff see: the account's display name, or null ("Pengunjung web")
     * @param minor whether the account is (possibly) a minor's: the conversation is then kept like a minor's data
     */
    record Asker(Long accountId, String name, boolean minor) {
        public static final Asker ANONYMOUS = new Asker(null, null, false);
    }

    /** Whether a conversation has this token (a malformed token, one never handed out, or one purged, has none). */
    Uni<Boolean> known(String token);

    /**
     * Adds the question to the conversation of {@code token} (null: a new conversation, with a new token), as a message
     * from the asker; a signed-in asker's account is linked to it, a minor's marks it minor. Answers the token.
     */
    Uni<String> pass(String token, Asker asker, String question);
}
