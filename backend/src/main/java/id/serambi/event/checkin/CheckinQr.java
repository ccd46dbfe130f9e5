package id.serambi.event.checkin;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.serambi.common.SerambiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

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
        try {
            BitMatrix matrix = new QRCodeWriter().encode(link(eventId, checkinCode), BarcodeFormat.QR_CODE, 320, 320,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
