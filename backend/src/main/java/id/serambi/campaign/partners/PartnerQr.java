package id.serambi.campaign.partners;

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

/** A partner link's address, {@code <public URL>/l/<code>}, and its QR code for a poster. */
@ApplicationScoped
public class PartnerQr {

    private final String publicUrl;

    public PartnerQr(SerambiConfig config) {
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    public String url(String code) {
        return publicUrl + "/l/" + code;
    }

    /**
     * A 600 px PNG with quality Q error correction (a poster gets folded, taped over and photographed at an angle) and
     * the four-module quiet zone the standard asks for.
     */
    public byte[] png(String code) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(url(code), BarcodeFormat.QR_CODE, 600, 600,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q, EncodeHintType.MARGIN, 4));
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
