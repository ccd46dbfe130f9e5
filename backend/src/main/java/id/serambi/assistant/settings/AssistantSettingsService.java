package id.serambi.assistant.settings;

import id.serambi.common.IfMatch;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Staff's switches of Tanya Perpustakaan, read by every instance from the database (so all agree at once). */
@ApplicationScoped
public class AssistantSettingsService {

    /** What {@link IfMatch#check} names in a 412 (the settings have the one id 1). */
    private static final String WHAT = "Assistant settings";

    private final AssistantSettingsRepository settings;

    public AssistantSettingsService(AssistantSettingsRepository settings) {
        this.settings = settings;
    }

    @WithSession
    public Uni<AssistantSettingsDtos.View> get() {
        return settings.get(false);
    }

    /** Whether WhatsApp messages are answered automatically now. */
    @WithSession
    public Uni<Boolean> whatsappAutoAnswer() {
        return settings.get(false).map(AssistantSettingsDtos.View::whatsappAutoAnswer);
    }

    /** Changes the settings when {@code version} is the current one (412 otherwise). */
    @WithTransaction
    public Uni<AssistantSettingsDtos.View> update(int version, AssistantSettingsDtos.Request request) {
        return settings.get(true).chain(current -> {
            IfMatch.check(WHAT, 1, current.version(), version);
            return settings.setWhatsappAutoAnswer(request.whatsappAutoAnswer());
        }).chain(() -> settings.get(false));
    }
}
