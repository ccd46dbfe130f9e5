package id.serambi.campaign.analytics;

import id.serambi.common.XlsxExport;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;

/**
 * What the three funnel resources (a campaign's, an event's, a partner's) say alike: the OpenAPI texts and examples,
 * and the CSV and Excel answers.
 */
final class FunnelDocs {

    static final String DESCRIPTION = "Counts only, nobody named. Clicks are people's: crawlers and link-preview "
            + "fetchers (WhatsApp, Facebook, X, ...) are botClicks, counted apart. Registrations are those made with a "
            + "link's code (the ?ref= the link adds), by the day they were made; confirmed and attended are what became "
            + "of them. Impressions are each variant's latest metrics snapshot (cumulative, so not cut by the period). "
            + "Rates are fractions, and null on a base below 10: no percentage on fewer than 10. `from` and `to` are "
            + "optional WITA dates (both inclusive); a bad or reversed one is a 400 naming it.";
    static final String EXAMPLE = """
            {"scope":"CAMPAIGN","id":7,"title":"Bulan Literasi Desember","from":null,"to":null,"timeZone":"Asia/Makassar",
             "minimumBase":10,
             "totals":{"impressions":1200,"clicks":96,"botClicks":14,"registrations":31,"confirmed":28,"attended":19,"joined":4},
             "rates":{"clickThrough":0.08,"registration":0.3229,"confirmation":0.9032,"attendance":0.6786},
             "byPlatform":[{"platform":"INSTAGRAM","totals":{"impressions":1200,"clicks":80,"botClicks":9,"registrations":25,
               "confirmed":22,"attended":15,"joined":4},"rates":{"clickThrough":0.0667,"registration":0.3125,"confirmation":0.88,
               "attendance":0.6818}}],
             "byVariant":[{"variantId":31,"postId":12,"platform":"INSTAGRAM","excerpt":"Yuk ikut Diskusi Buku Laskar Pelangi!",
               "totals":{"impressions":1200,"clicks":80,"botClicks":9,"registrations":25,"confirmed":22,"attended":15,"joined":4},
               "rates":{"clickThrough":0.0667,"registration":0.3125,"confirmation":0.88,"attendance":0.6818}}],
             "byPartner":[{"partnerId":3,"name":"Komunitas Baca Banjarbaru","kind":"COMMUNITY","totals":{"impressions":null,
               "clicks":16,"botClicks":5,"registrations":6,"confirmed":6,"attended":4,"joined":0},
               "rates":{"clickThrough":null,"registration":0.375,"confirmation":null,"attendance":null}}],
             "byDay":[{"day":"2026-12-05","totals":{"impressions":null,"clicks":96,"botClicks":14,"registrations":31,
               "confirmed":28,"attended":19,"joined":4},"rates":{"clickThrough":null,"registration":0.3229,
               "confirmation":0.9032,"attendance":0.6786}}]}""";
    static final String BAD = """
            {"type":"https://serambi.id/problems/validation","title":"Invalid request","status":400,"detail":"to: must not be before from",
             "instance":"/api/funnel/campaigns/7","errors":[{"field":"to","message":"must not be before from"}]}""";
    static final String CSV_EXAMPLE = "section,key,label,platform,impressions,clicks,botClicks,registrations,confirmed,"
            + "attended,joined,clickThroughRate,registrationRate,confirmationRate,attendanceRate\n"
            + "total,7,Bulan Literasi Desember,,1200,96,14,31,28,19,4,0.08,0.3229,0.9032,0.6786\n"
            + "partner,3,Komunitas Baca Banjarbaru,,,16,5,6,6,4,0,,0.375,,\n";
    static final String CSV_DESCRIPTION = "The funnel for machines: UTF-8 with a byte-order mark, comma-separated, a "
            + "header row, then a row for the totals and one per platform, variant, partner and day (section: total, "
            + "platform, variant, partner, day). Rates are fractions; an empty cell is a null (no rate on fewer than "
            + "10, no impressions). Text a spreadsheet could run as a formula gets a leading '. Same period rules as the "
            + "JSON.";
    static final String XLSX_DESCRIPTION = "The same rows as the CSV for people: Indonesian headers and sections, days "
            + "as date cells, figures as number cells, and names as text cells, which a spreadsheet never evaluates.";

    static final String XLSX_BODY = "An .xlsx workbook with one sheet, Corong";
    static final String BAD_PERIOD = "A bad or reversed date";

    private FunnelDocs() {
    }

    static Response csv(Funnel f) {
        return Response.ok(FunnelExport.csv(f), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + FunnelExport.fileName(f) + ".csv\"").build();
    }

    static Uni<Response> xlsx(Funnel f) {
        return XlsxExport.offTheEventLoop(() -> FunnelExport.xlsx(f))
                .map(file -> Response.ok(file, XlsxExport.MEDIA_TYPE).header("Content-Disposition",
                        XlsxExport.attachment(FunnelExport.fileName(f) + ".xlsx")).build());
    }
}
