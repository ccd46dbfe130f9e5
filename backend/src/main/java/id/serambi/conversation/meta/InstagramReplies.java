package id.serambi.conversation.meta;

import id.serambi.conversation.ConversationChannel;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import jakarta.inject.Singleton;

/** Replies on the library's Instagram account: under a comment, or as a direct message. */
@Singleton
public class InstagramReplies extends MetaReplies {

    public InstagramReplies(SocialAccounts accounts) {
        super(accounts, SocialPlatform.INSTAGRAM, ConversationChannel.INSTAGRAM);
    }
}
