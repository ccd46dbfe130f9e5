package id.serambi.conversation.meta;

import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.conversation.ReplySender;
import id.serambi.social.PublishFailure;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import id.serambi.social.SocialReply;
import io.smallrye.mutiny.Uni;

/**
 * Staff's replies on Facebook and Instagram, through the connected account (the social feature holds the tokens): a
 * comment thread is answered under its root comment, a direct message thread by a message to the contact.
 */
abstract class MetaReplies implements ReplySender {

    private final SocialAccounts accounts;
    private final SocialPlatform platform;
    private final ConversationChannel channel;

    MetaReplies(SocialAccounts accounts, SocialPlatform platform, ConversationChannel channel) {
        this.accounts = accounts;
        this.platform = platform;
        this.channel = channel;
    }

    @Override
    public ConversationChannel channel() {
        return channel;
    }

    @Override
    public Uni<Boolean> ready() {
        return accounts.isConnected(platform);
    }

    @Override
    public Uni<String> send(OutgoingReply reply) {
        SocialReply social = reply.kind() == ConversationKind.DIRECT
                ? new SocialReply(SocialReply.Kind.DIRECT, reply.contactId(), reply.text())
                : new SocialReply(SocialReply.Kind.COMMENT, reply.threadKey(), reply.text());
        return accounts.reply(platform, social).onFailure(PublishFailure.class)
                .transform(f -> new ReplyFailure(f.getMessage()));
    }
}
