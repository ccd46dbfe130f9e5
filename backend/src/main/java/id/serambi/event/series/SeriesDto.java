package id.serambi.event.series;

import id.serambi.event.catalogue.StaffEventDto;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Series")
public record SeriesDto(@Schema(examples = "3") long id, @Schema(examples = "Klub Buku Remaja") String title,
        List<StaffEventDto> events) {
}
