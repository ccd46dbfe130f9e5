package id.serambi.assistant.suggestions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the inbox's reply box offers staff. */
public final class ReplySuggestionDtos {

    private ReplySuggestionDtos() {
    }

    @Schema(name = "ReplySuggestion", description = "An FAQ entry's answer that may fit the thread's latest message")
    public record Suggestion(@Schema(examples = "1") long entryId,
            @Schema(description = "The entry's question in the language asked", examples = "Jam berapa perpustakaan buka?") String question,
            @Schema(description = "The entry's answer in the language asked, its placeholders filled",
                    examples = "Perpustakaan buka Senin–Kamis pukul 08.00–15.30 WITA.") String answer,
            @Schema(description = "How well it matches, 0 to 1 (it may be below the assistant's threshold)", examples = "0.82") double confidence) {
    }
}
