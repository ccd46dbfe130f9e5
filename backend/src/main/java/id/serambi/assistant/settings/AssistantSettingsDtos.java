package id.serambi.assistant.settings;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff's switches of Tanya Perpustakaan. */
public final class AssistantSettingsDtos {

    private AssistantSettingsDtos() {
    }

    @Schema(name = "AssistantSettings")
    public record View(
            @Schema(description = "Whether Tanya Perpustakaan answers WhatsApp messages on its own: a confident answer is sent "
                    + "at once, else a notice that a librarian will reply (once a day per thread)", examples = "false")
            boolean whatsappAutoAnswer,
            Instant updatedAt,
            @Schema(description = "The version to send as If-Match", examples = "0") int version) {
    }

    @Schema(name = "AssistantSettingsRequest")
    public record Request(@NotNull @Schema(examples = "true") Boolean whatsappAutoAnswer) {
    }
}
