package id.serambi.conversation.threads;

import id.serambi.campaign.PublishedPosts;
import id.serambi.conversation.ConversationChannel;
import id.serambi.conversation.ConversationKind;
import id.serambi.event.Events;
import id.serambi.event.RegistrantEvents;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a thread is about, asked of the features that own it on the caller's session: a comment thread's post (through
 * {@link PublishedPosts}: the published variant's post, its campaign and its event), or a WhatsApp thread's registrant's
 * latest event (through {@link RegistrantEvents}). Null when neither applies or nothing matches.
 */
@ApplicationScoped
public class ThreadSubjects {

    private final PublishedPosts posts;
    private final RegistrantEvents registrants;
    private final Events events;

    public ThreadSubjects(PublishedPosts posts, RegistrantEvents registrants, Events events) {
        this.posts = posts;
        this.registrants = registrants;
        this.events = events;
    }

    public Uni<ThreadDtos.About> about(ThreadDtos.Summary thread) {
        if (thread.postExternalId() != null && thread.kind() == ConversationKind.COMMENT
                && thread.channel() != ConversationChannel.WHATSAPP && thread.channel() != ConversationChannel.WEB) {
            return posts.byExternalId(thread.channel().name(), thread.postExternalId()).chain(this::aboutPost);
        }
        if (thread.channel() == ConversationChannel.WHATSAPP && thread.contactId().matches("[1-9][0-9]{7,14}")) {
            return registrants.latestByWhatsapp("+" + thread.contactId()).map(event -> event == null ? null
                    : new ThreadDtos.About(ThreadDtos.AboutKind.EVENT, null, null, null, event.id(), event.title(), event.title(),
                            event.page()));
        }
        return Uni.createFrom().nullItem();
    }

    private Uni<ThreadDtos.About> aboutPost(PublishedPosts.PublishedPost post) {
        if (post == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<Events.EventSummary> event = post.eventId() == null ? Uni.createFrom().nullItem() : events.find(post.eventId());
        return event.map(e -> new ThreadDtos.About(ThreadDtos.AboutKind.POST, post.postId(), post.campaignId(),
                post.campaignTitle(), e == null ? null : e.id(), e == null ? null : e.title(), title(post), post.url()));
    }

    /** A post is named by its campaign, or else by the start of its text. */
    private static String title(PublishedPosts.PublishedPost post) {
        if (post.campaignTitle() != null) {
            return post.campaignTitle();
        }
        String text = post.excerpt() == null ? "" : post.excerpt().strip();
        return text.isEmpty() ? "Pos #" + post.postId() : text;
    }
}
