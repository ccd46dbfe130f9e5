package id.serambi.survey.answer;

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
        try {
            BitMatrix matrix = new QRCodeWriter().encode(link(surveyId), BarcodeFormat.QR_CODE, 480, 480,
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
