package id.serambi.event.series;

import id.serambi.event.catalogue.EventRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A monthly series: the first occurrence, and how many occurrences in all. */
@Schema(name = "SeriesRequest")
public record SeriesRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Klub Buku Remaja") String title,
        @Valid @NotNull @Schema(description = "The first occurrence; the others follow monthly, at the same local time "
                + "in the library's zone (the day is clamped to the end of shorter months)") EventRequest first,
        @NotNull @Min(1) @Max(24) @Schema(examples = "6") Integer occurrences,
        @Schema(description = "Publish every occurrence at once (default: all stay drafts)", examples = "true") Boolean publish) {
}
