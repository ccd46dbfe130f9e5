package id.serambi.notification.inbox;

import id.serambi.notification.NotificationKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the notification centre's API sends and takes. */
public final class InboxDtos {

    private InboxDtos() {
    }

    @Schema(name = "Notification")
    public record NotificationView(long id,
            @Schema(nullable = true, description = "Null only for a kind this version of Serambi no longer knows") NotificationKind kind,
            String title, String body,
            @Schema(nullable = true, description = "A path inside the web app, such as /staf/konten/pos/12/ubah; null when there is none") String link,
            Instant createdAt,
            @Schema(nullable = true, description = "When it was marked read; null while unread") Instant readAt) {
    }

    @Schema(name = "NotificationPage")
    public record NotificationPage(List<NotificationView> items, int page, int size, long total) {
    }

    @Schema(name = "UnreadCount")
    public record UnreadCount(long unread) {
    }

    @Schema(name = "ReadAll")
    public record ReadAll(@Schema(description = "How many notifications this marked read") long marked) {
    }

    @Schema(name = "NotificationEmailSetting")
    public record EmailSetting(@NotNull NotificationKind kind,
            @NotNull @Schema(description = "false: no e-mail for this kind (the in-app notification stays)") Boolean email) {
    }

    /** Every kind with its e-mail on or off; a PUT sets the listed kinds and leaves the others as they are. */
    @Schema(name = "NotificationSettings")
    public record Settings(@NotNull @Size(max = 50) List<@Valid @NotNull EmailSetting> kinds) {
    }
}
