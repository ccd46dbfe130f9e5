package id.serambi.event.series;

import id.serambi.event.catalogue.EventDto;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A series as anyone may see it: its published sessions, in date order (drafts left out). */
@Schema(name = "SeriesSessions")
public record SeriesSessionsDto(
        @Schema(examples = "3") long id,
        @Schema(examples = "Klub Buku Remaja") String title,
        @Schema(description = "Published, completed and cancelled sessions in date order") List<EventDto> sessions,
        @Schema(description = "How many sessions take registrations right now (what registering for the series covers)",
                examples = "6") int openSessions) {
}
