package id.serambi.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/library")
@Tag(name = "Library", description = "The library this Serambi instance serves")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

    @Schema(name = "Library", requiredProperties = { "name", "timeZone", "defaultLanguage" })
    public record LibraryDto(
            @Schema(examples = "Perpustakaan Kota Banjarbaru") String name,
            @Schema(description = "IANA zone in which the SPA shows times", examples = "Asia/Makassar") String timeZone,
            @Schema(examples = "id") String defaultLanguage) {
    }

    private final SerambiConfig config;

    public LibraryResource(SerambiConfig config) {
        this.config = config;
    }

    @GET
    @SecurityRequirements
    @Operation(operationId = "getLibrary", summary = "The library's name, time zone and default language")
    public LibraryDto library() {
        SerambiConfig.Library library = config.library();
        return new LibraryDto(library.name(), library.timeZone().getId(), library.defaultLanguage());
    }
}
