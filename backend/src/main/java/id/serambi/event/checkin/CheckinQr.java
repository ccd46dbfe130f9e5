package id.serambi.event.checkin;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.serambi.common.QrCodes;
import id.serambi.common.SerambiConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The QR code on a confirmed patron's page. It carries the staff check-in link for that registration, so a
 * librarian's phone camera opens Serambi's check-in page; the code in it is random per registration.
 */
@ApplicationScoped
public class CheckinQr {

    private final String publicUrl;

    public CheckinQr(SerambiConfig config) {
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    public String link(long eventId, String checkinCode) {
        return publicUrl + "/staf/acara/" + eventId + "/hadir?kode=" + checkinCode;
    }

    public byte[] png(long eventId, String checkinCode) {
        return QrCodes.png(link(eventId, checkinCode), 320, ErrorCorrectionLevel.M, 2);
    }
}
