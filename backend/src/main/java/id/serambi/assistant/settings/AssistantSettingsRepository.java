package id.serambi.assistant.settings;

import id.serambi.common.SqlTimes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The one row of assistant_setting. */
@ApplicationScoped
public class AssistantSettingsRepository {

    /** The settings; {@code lock} takes the row's lock for an update in this transaction. */
    public Uni<AssistantSettingsDtos.View> get(boolean lock) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT whatsapp_auto_answer, updated_at, version FROM assistant_setting WHERE id = 1" + (lock ? " FOR UPDATE" : ""),
                Object[].class).getSingleResult())
                .map(r -> new AssistantSettingsDtos.View((Boolean) r[0], SqlTimes.instant(r[1]), ((Number) r[2]).intValue()));
    }

    /** Sets the WhatsApp switch and moves the version on. */
    public Uni<Void> setWhatsappAutoAnswer(boolean on) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE assistant_setting SET whatsapp_auto_answer = :on, version = version + 1, updated_at = now() WHERE id = 1""")
                .setParameter("on", on).executeUpdate()).replaceWithVoid();
    }
}
