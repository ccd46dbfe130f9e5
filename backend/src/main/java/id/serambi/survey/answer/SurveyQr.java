package id.serambi.survey.answer;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.serambi.common.QrCodes;
import id.serambi.common.SerambiConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** A survey's public page, {@code <public URL>/survei/<id>}, and its QR code to print or post on social media. */
@ApplicationScoped
public class SurveyQr {

    private final String publicUrl;

    public SurveyQr(SerambiConfig config) {
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    public String link(long surveyId) {
        return publicUrl + "/survei/" + surveyId;
    }

    public byte[] png(long surveyId) {
        return QrCodes.png(link(surveyId), 480, ErrorCorrectionLevel.M, 2);
    }
}
