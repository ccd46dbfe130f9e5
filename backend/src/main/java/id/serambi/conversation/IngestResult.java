package id.serambi.conversation;

/**
 * What {@link Conversations#ingest} did: the thread the message belongs to, the stored message's id, and whether it
 * was a repeated delivery that added nothing (then {@code messageId} is the message stored the first time).
 */
public record IngestResult(long threadId, long messageId, boolean duplicate) {
}
