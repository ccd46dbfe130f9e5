package id.serambi.conversation.x;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ReplySender;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import id.serambi.social.SocialReply;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/**
 * Staff's replies on X, through the connected account: a reply post ({@code POST /2/tweets} with
 * {@code reply.in_reply_to_tweet_id}) to the thread's last mention, or to the conversation's first post when there is
 * none.
 */
@Singleton
public class XReplies implements ReplySender {

    private final SocialAccounts accounts;

    public XReplies(SocialAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public ConversationChannel channel() {
        return ConversationChannel.X;
    }

    @Override
    public Uni<Boolean> ready() {
        return accounts.isConnected(SocialPlatform.X);
    }

    @Override
    public Uni<String> send(OutgoingReply reply) {
        String to = reply.inReplyToExternalId() != null ? reply.inReplyToExternalId() : reply.threadKey();
        return accounts.reply(SocialPlatform.X, new SocialReply(SocialReply.Kind.COMMENT, to, reply.text()))
                .onFailure(PublishFailure.class).transform(f -> new ReplyFailure(f.getMessage()));
    }
}
