package id.serambi.campaign.partners;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.serambi.common.QrCodes;
import id.serambi.common.SerambiConfig;
import jakarta.enterprise.context.ApplicationScoped;

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
        return QrCodes.png(url(code), 600, ErrorCorrectionLevel.Q, 4);
    }
}
