package id.serambi.conversation.meta;

import id.serambi.conversation.ConversationChannel;
import id.serambi.social.SocialAccounts;
import id.serambi.social.SocialPlatform;
import jakarta.inject.Singleton;

/** Replies on the library's Facebook Page: under a comment, or in Messenger. */
@Singleton
public class FacebookReplies extends MetaReplies {

    public FacebookReplies(SocialAccounts accounts) {
        super(accounts, SocialPlatform.FACEBOOK, ConversationChannel.FACEBOOK);
    }
}
