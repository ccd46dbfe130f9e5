package id.serambi.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Year;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13, finding 11: what public text may and may not carry. */
class PublicTextValidatorTest {

    @Test
    void ordinaryNamesSchoolsAndProsePass() {
        for (String name : List.of("Kutu Buku 7", "SMPN 1 Banjarbaru", "SMP Negeri 1 Banjarbaru", "KutuBuku88",
                "Nadia", "Bintang_Baca", "MAN 2 Kota Banjarbaru", "SD Islam Terpadu 3", "Budi S.Pd", "Dr. Nadia",
                "KutuBuku2011ab", "Sekolah Dasar 0102", "Jl. A. Yani Km. 5", "Ayu-99", "Siti Ñ Ä 中")) {
            assertNull(PublicTextValidator.reason(name, false), name);
        }
        for (String prose : List.of("Apakah perpustakaan punya koleksi e-book untuk pelajar SMA?",
                "Buku terbitan 1998 ini bagus sekali.\nCeritanya seru.", "Jam berapa mulai? Sesi 2 jam 19.30?",
                "Bab 12 sampai 15 paling seru", "Keluarga 👨‍👩‍👧 membaca bersama 👩🏽‍🏫", "Bagus.Ceritanya seru",
                "Umurnya panjang, kisahnya hebat", "Tahun 2025 nanti ada lagi?", "Halaman 120-245")) {
            assertNull(PublicTextValidator.reason(prose, true), prose);
        }
    }

    @Test
    void personalDataAndDisguisesAreRefusedWithTheirReason() {
        Map<String, String> names = Map.ofEntries(
                Map.entry("Nadia Putri lahir 2011", "birth"),
                Map.entry("SMP 1, WA 081234567890", "phone"),
                Map.entry("Nadia 2011", "birth"),
                Map.entry("Nadia_2009", "birth"),
                Map.entry("Budi 13 tahun", "birth"),
                Map.entry("umur 13", "birth"),
                Map.entry("Usia: 12", "birth"),
                Map.entry("born 2010", "birth"),
                Map.entry("Hubungi 0812-3456-7890", "phone"),
                Map.entry("+62 812 3456 7890", "phone"),
                Map.entry("62812.3456.7890", "phone"),
                Map.entry("812 3456 7890", "phone"),
                Map.entry("(0511) 4772 345", "phone"),
                Map.entry("nadia@example.id", "email"),
                Map.entry("nadia @ gmail.com", "email"),
                Map.entry("nadia＠gmail.com", "email"),
                Map.entry("http://x.example/a", "url"),
                Map.entry("https://wa.me/6281234567890", "url"),
                Map.entry("www.contoh", "url"),
                Map.entry("x.co/abc", "url"),
                Map.entry("bit.ly/nadia", "url"),
                Map.entry("perpus.id", "url"),
                Map.entry("SMP\u202E1", "control"),
                Map.entry("SMP\u200B1", "control"),
                Map.entry("SMP\u200D1", "control"),
                Map.entry("\uFEFFSMP", "control"),
                Map.entry("SMP\u2066x\u2069", "control"),
                Map.entry("SMP\u0000", "control"),
                Map.entry("SMP\u0085", "control"),
                Map.entry("SMP\n1", "control"),
                Map.entry("SMP \u00AD1", "control"));
        names.forEach((text, reason) -> assertEquals(reason, PublicTextValidator.reason(text, false), text));
        assertEquals("birth", PublicTextValidator.reason("Sekolah " + Year.now().getValue(), false));
        assertNull(PublicTextValidator.reason("Sekolah " + (Year.now().getValue() + 1), false), "not a birth year yet");

        Map<String, String> prose = Map.of(
                "Saya lahir 2011, boleh ikut?", "birth",
                "Umur saya 13 tahun", "birth",
                "WA saya 0812 3456 7890 ya", "phone",
                "Email ke nadia@example.id", "email",
                "Lihat https://x.example", "url",
                "Pertanyaan\u202Eterbalik", "control",
                "Tanya\u200Bsaja", "control");
        prose.forEach((text, reason) -> assertEquals(reason, PublicTextValidator.reason(text, true), text));
    }

    /** The OpenAPI fuzzer sends a megabyte: quadratic patterns hung the server on it, deep ones overflowed the stack. */
    @org.junit.jupiter.api.Test
    void aMegabyteIsRefusedAtOnceAndTheLongestTextIsCheckedInLinearTime() {
        assertEquals("long", PublicTextValidator.reason("a".repeat(1 << 20), true));
        long start = System.nanoTime();
        int n = PublicTextValidator.MAX_LENGTH;
        for (String worst : List.of("a".repeat(n), "a.".repeat(n / 2), "a@".repeat(n / 2), "1".repeat(n), "1 ".repeat(n / 2),
                "lahir ".repeat(n / 6), "x-".repeat(n / 2), "0 ".repeat(n / 2), "1.".repeat(n / 2))) {
            PublicTextValidator.reason(worst, true);
            PublicTextValidator.reason(worst, false);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        org.junit.jupiter.api.Assertions.assertTrue(millis < 2_000, "took " + millis + " ms");
    }
}
