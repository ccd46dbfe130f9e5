package id.serambi.assistant.answers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tanya Perpustakaan (README "Tanya Perpustakaan (API)"); the key is also SERAMBI_ASSISTANT_THRESHOLD. */
@ConfigMapping(prefix = "serambi.assistant")
public interface AssistantSettings {

    /**
     * The least confidence (0 to 1) at which the best entry answers; below it the question is handed over to a
     * librarian. FaqIndexTest prints what each threshold answers of the evaluation set.
     */
    @WithDefault("0.55")
    double threshold();
}
