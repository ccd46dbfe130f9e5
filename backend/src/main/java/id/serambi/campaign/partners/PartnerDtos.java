package id.serambi.campaign.partners;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Partners and their links as the API sees them. Everything here is for staff: a partner's {@code contact} is a
 * person's (an influencer's handle, a teacher's number) and appears in no public answer.
 */
public final class PartnerDtos {

    private PartnerDtos() {
    }

    @Schema(name = "PartnerRequest")
    public record Request(
            @NotBlank @Size(max = 120) @Schema(description = "Unique in any letter case", examples = "Rina Membaca")
            String name,
            @NotNull @Schema(examples = "INFLUENCER") PartnerKind kind,
            @Size(max = 300) @Schema(nullable = true, description = "How staff reach them; shown to staff only",
                    examples = "Instagram @rinamembaca, WA 0812-0000-1111") String contact,
            @Size(max = 2000) @Schema(nullable = true, examples = "Bookstagrammer Banjarbaru, 12 rb pengikut; "
                    + "mau mempromosikan bedah buku bulanan") String notes) {
    }

    @Schema(name = "Partner")
    public record View(@Schema(examples = "4") long id,
            @Schema(examples = "Rina Membaca") String name,
            @Schema(examples = "INFLUENCER") PartnerKind kind,
            @Schema(nullable = true, description = "Staff only", examples = "Instagram @rinamembaca, WA 0812-0000-1111")
            String contact,
            @Schema(nullable = true, examples = "Bookstagrammer Banjarbaru, 12 rb pengikut") String notes,
            @Schema(description = "How many links the partner has", examples = "2") long links,
            @Schema(description = "The version to send as If-Match", examples = "0") int version,
            Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "PartnerPage", requiredProperties = { "items", "page", "size", "total" })
    public record Page(List<View> items, int page, int size, long total) {
    }

    @Schema(name = "PartnerLinkRequest")
    public record LinkRequest(
            @NotNull @Schema(examples = "EVENT") PartnerLinkTarget targetKind,
            @Positive @Schema(nullable = true, description = "The event, challenge or survey; none for HOME",
                    examples = "12") Long targetId,
            @Positive @Schema(nullable = true, description = "The campaign the link belongs to, if any", examples = "3")
            Long campaignId,
            @Size(max = 120) @Schema(nullable = true, description = "Where the partner uses it",
                    examples = "Poster di perpustakaan sekolah") String label) {
    }

    @Schema(name = "PartnerLink")
    public record LinkView(@Schema(examples = "31") long id,
            @Schema(description = "The short code of /l/{code}", examples = "k7m2qx9hta") String code,
            @Schema(description = "The link to share: {public URL}/l/{code}", examples = "https://serambi.example/l/k7m2qx9hta")
            String url,
            @Schema(examples = "EVENT") PartnerLinkTarget targetKind,
            @Schema(nullable = true, description = "null for HOME", examples = "12") Long targetId,
            @Schema(nullable = true, description = "The target's title; null for HOME or a target that is gone",
                    examples = "Bedah Buku: Laskar Pelangi") String targetTitle,
            @Schema(nullable = true, examples = "3") Long campaignId,
            @Schema(nullable = true, examples = "Poster di perpustakaan sekolah") String label,
            Instant createdAt) {
    }
}
