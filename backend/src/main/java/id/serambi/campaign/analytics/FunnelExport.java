package id.serambi.campaign.analytics;

import id.serambi.common.CsvExport;
import id.serambi.common.XlsxExport;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A funnel as a spreadsheet (issue 22): one row for the totals, then one per platform, variant, partner and day, each
 * with the figures and the rates (an empty cell where the API says null: no rate on fewer than 10). The CSV, for
 * machines, has the API's names; the Excel file, for people, Indonesian ones. Both go through {@link CsvExport} and
 * {@link XlsxExport}, so a partner named {@code =HYPERLINK(...)} stays text.
 */
final class FunnelExport {

    static final List<String> CSV_HEADER = List.of("section", "key", "label", "platform", "impressions", "clicks",
            "botClicks", "registrations", "confirmed", "attended", "joined", "clickThroughRate", "registrationRate",
            "confirmationRate", "attendanceRate");

    static final List<String> XLSX_HEADER = List.of("Bagian", "Kunci", "Nama", "Platform", "Tayangan", "Klik",
            "Klik bot", "Pendaftaran", "Terkonfirmasi", "Hadir", "Bergabung", "Rasio klik", "Rasio pendaftaran",
            "Rasio konfirmasi", "Rasio kehadiran");

    private FunnelExport() {
    }

    static String csv(Funnel f) {
        return CsvExport.write(CSV_HEADER, rows(f, false));
    }

    static byte[] xlsx(Funnel f) {
        return XlsxExport.write("Corong", XLSX_HEADER, rows(f, true), ZoneId.of(f.timeZone()));
    }

    /** The file name, without its extension: corong-kampanye-7, corong-acara-12, corong-mitra-3. */
    static String fileName(Funnel f) {
        String of = switch (f.scope()) {
            case CAMPAIGN -> "kampanye";
            case EVENT -> "acara";
            case PARTNER -> "mitra";
        };
        return "corong-" + of + "-" + f.id();
    }

    private static List<Object[]> rows(Funnel f, boolean people) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(people ? "Total" : "total", f.id(), f.title(), null, f.totals(), f.rates()));
        for (Funnel.PlatformRow p : f.byPlatform()) {
            rows.add(row(people ? "Platform" : "platform", p.platform().name(), p.platform().label(),
                    people ? p.platform().label() : p.platform().name(), p.totals(), p.rates()));
        }
        for (Funnel.VariantRow v : f.byVariant()) {
            rows.add(row(people ? "Varian" : "variant", v.variantId(), v.excerpt(),
                    people ? v.platform().label() : v.platform().name(), v.totals(), v.rates()));
        }
        for (Funnel.PartnerRow p : f.byPartner()) {
            rows.add(row(people ? "Mitra" : "partner", p.partnerId(), p.name(), null, p.totals(), p.rates()));
        }
        for (Funnel.DayRow d : f.byDay()) {
            rows.add(row(people ? "Hari" : "day", people ? d.day() : d.day().toString(), null, null, d.totals(),
                    d.rates()));
        }
        return rows;
    }

    private static Object[] row(String section, Object key, String label, String platform, Funnel.Figures t,
            Funnel.Rates r) {
        return new Object[] { section, key, label, platform, t.impressions(), t.clicks(), t.botClicks(),
                t.registrations(), t.confirmed(), t.attended(), t.joined(), r.clickThrough(), r.registration(),
                r.confirmation(), r.attendance() };
    }
}
