package id.serambi.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Small real media files for tests, built in memory. */
public final class MediaFiles {

    private MediaFiles() {
    }

    public static byte[] jpeg(int width, int height) {
        return image(width, height, "jpg", BufferedImage.TYPE_INT_RGB);
    }

    public static byte[] png(int width, int height) {
        return image(width, height, "png", BufferedImage.TYPE_INT_ARGB);
    }

    private static byte[] image(int width, int height, String format, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1f, 0x6f, 0x5c));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString("Serambi", 2, Math.max(10, height / 2));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A real 1×1 lossless WebP (the one Modernizr uses to detect WebP support): RIFF, WEBP, a VP8L chunk. */
    public static byte[] webpLossless1x1() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    /**
     * An extended-format WebP header (RIFF, WEBP, a VP8X chunk with no flags and the canvas size: 24-bit width-1 and
     * height-1, little-endian). Only the headers: enough to be recognised and measured, as the library does.
     */
    public static byte[] webpExtended(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        b.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).putInt(0);
        put24(b, width - 1);
        put24(b, height - 1);
        return b.array();
    }

    private static void put24(ByteBuffer b, int value) {
        b.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }

    /**
     * A minimal MP4: an {@code ftyp} box (brand isom), a {@code moov} box with a {@code mvhd} (version 0: timescale
     * 1000, the duration in ms) and one {@code trak} whose {@code tkhd} (version 0) gives the frame size in 16.16 fixed
     * point, then an {@code mdat} box of a few bytes standing for the samples.
     */
    public static byte[] mp4(int width, int height, int durationMs) {
        byte[] ftyp = box("ftyp", ByteBuffer.allocate(16).put(ascii("isom")).putInt(512).put(ascii("isom"))
                .put(ascii("mp41")).array());
        ByteBuffer mvhd = ByteBuffer.allocate(100);
        mvhd.putInt(0).putInt(0).putInt(0).putInt(1000).putInt(durationMs).putInt(0x00010000).putShort((short) 0x0100);
        ByteBuffer tkhd = ByteBuffer.allocate(84);
        tkhd.putInt(3).putInt(0).putInt(0).putInt(1).putInt(0).putInt(durationMs).putLong(0).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0);
        int[] matrix = { 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000 };
        for (int m : matrix) {
            tkhd.putInt(m);
        }
        tkhd.putInt(width << 16).putInt(height << 16);
        byte[] trak = box("trak", box("tkhd", tkhd.array()));
        byte[] moov = box("moov", concat(box("mvhd", mvhd.array()), trak));
        byte[] mdat = box("mdat", new byte[] { 0, 0, 0, 1, 2, 3, 4, 5 });
        return concat(ftyp, moov, mdat);
    }

    /** An MP4 whose movie header is missing: ftyp and mdat only. */
    public static byte[] mp4WithoutMoov() {
        return concat(box("ftyp", ByteBuffer.allocate(8).put(ascii("isom")).putInt(512).array()),
                box("mdat", new byte[16]));
    }

    public static byte[] box(String type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(8 + payload.length).put(ascii(type)).put(payload).array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
