package id.serambi.media.library;

import id.serambi.common.ProblemException;
import id.serambi.media.MediaKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an uploaded file really is, from its bytes (magic numbers), never from its name or declared type, and its
 * dimensions from its headers. Nothing is decoded: a huge image costs no memory.
 *
 * <ul>
 * <li>JPEG ({@code FF D8 FF}) and PNG ({@code 89 P N G \r \n 1A \n}): ImageIO reads the size from the headers.</li>
 * <li>WebP ({@code RIFF....WEBP}): the first chunk's header: {@code VP8 } (lossy: the key frame's 14-bit sizes),
 * {@code VP8L} (lossless: signature 0x2F, then 14-bit width-1 and height-1) or {@code VP8X} (extended: 24-bit canvas
 * width-1 and height-1).</li>
 * <li>MP4 ({@code ftyp} box first, with an ISO/MP4 brand; HEIC and QuickTime are not MP4): the {@code moov} box's
 * {@code mvhd} (timescale and duration) and the first {@code tkhd} with a size (the video track; 16.16 fixed point).
 * The {@code mdat} box is skipped, never read.</li>
 * </ul>
 * Anything else is a 415 problem; a file that starts like one of these but whose headers do not parse is a 422.
 * Blocking I/O: call it on a worker thread.
 */
final class MediaProbe {

    /** A probed file: its type, the extension its public name gets, and its size. */
    record Probe(MediaKind kind, String contentType, String extension, int width, int height, Long durationMs,
            long sizeBytes, String sha256) {
    }

    /** ISO base media brands that are MP4 (not HEIC/AVIF, whose brands are mif1/heic/avif, nor QuickTime's "qt  "). */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42",
            "avc1", "M4V ", "dash", "mmp4", "MSNV", "3gp5");

    /** The largest moov box read into memory (its sample tables grow with the video's length). */
    private static final long MAX_MOOV = 64L * 1024 * 1024;

    /** Images larger than this (in pixels) are refused: no platform takes them, and decoders choke on them. */
    private static final long MAX_PIXELS = 100_000_000L;

    private MediaProbe() {
    }

    static Probe probe(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            byte[] head = new byte[(int) Math.min(32, size)];
            in.readFully(head);
            Probe probe;
            if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
                probe = image(file, "image/jpeg", "jpg", size);
            } else if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                probe = image(file, "image/png", "png", size);
            } else if (head.length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
                probe = webp(in, size);
            } else if (head.length >= 12 && ascii(head, 4, 4).equals("ftyp") && mp4Brand(in, head)) {
                probe = mp4(in, size);
            } else {
                throw new ProblemException(415, "unsupported-media-type", "Unsupported file type",
                        "Only JPEG, PNG and WebP images and MP4 videos can be uploaded; this file is none of them");
            }
            if ((long) probe.width() * probe.height() > MAX_PIXELS || probe.width() <= 0 || probe.height() <= 0) {
                throw corrupt("its dimensions (" + probe.width() + "×" + probe.height() + ") are not plausible");
            }
            return new Probe(probe.kind(), probe.contentType(), probe.extension(), probe.width(), probe.height(),
                    probe.durationMs(), size, sha256(file));
        } catch (IOException e) {
            throw corrupt("it could not be read (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            if (e instanceof ProblemException) {
                throw e;
            }
            throw corrupt("its headers do not parse (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Probe image(Path file, String contentType, String extension, long size) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
            if (stream == null || !readers.hasNext()) {
                throw corrupt("no reader for " + contentType);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                return new Probe(MediaKind.IMAGE, contentType, extension, reader.getWidth(0), reader.getHeight(0), null,
                        size, null);
            } catch (IOException | RuntimeException e) {
                throw corrupt("its image header does not parse");
            } finally {
                reader.dispose();
            }
        }
    }

    private static Probe webp(RandomAccessFile in, long size) throws IOException {
        if (size < 30) {
            throw corrupt("it is too short for a WebP image");
        }
        byte[] b = new byte[30];
        in.seek(0);
        in.readFully(b);
        String chunk = ascii(b, 12, 4);
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int width;
        int height;
        switch (chunk) {
            case "VP8 " -> {
                // 3-byte frame tag, then the key frame's start code 9D 01 2A, then 14-bit width and height.
                if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                    throw corrupt("its VP8 key frame header is missing");
                }
                width = le.getShort(26) & 0x3FFF;
                height = le.getShort(28) & 0x3FFF;
            }
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    throw corrupt("its VP8L signature is missing");
                }
                int bits = le.getInt(21);
                width = (bits & 0x3FFF) + 1;
                height = ((bits >>> 14) & 0x3FFF) + 1;
            }
            case "VP8X" -> {
                width = (b[24] & 0xFF | (b[25] & 0xFF) << 8 | (b[26] & 0xFF) << 16) + 1;
                height = (b[27] & 0xFF | (b[28] & 0xFF) << 8 | (b[29] & 0xFF) << 16) + 1;
            }
            default -> throw corrupt("its first WebP chunk \"" + chunk + "\" is unknown");
        }
        return new Probe(MediaKind.IMAGE, "image/webp", "webp", width, height, null, size, null);
    }

    /** The ftyp box names an MP4 brand, major or compatible. */
    private static boolean mp4Brand(RandomAccessFile in, byte[] head) throws IOException {
        long boxSize = ByteBuffer.wrap(head, 0, 4).getInt() & 0xFFFFFFFFL;
        if (boxSize < 16 || boxSize > 4096 || boxSize > in.length()) {
            return MP4_BRANDS.contains(ascii(head, 8, 4));
        }
        byte[] ftyp = new byte[(int) boxSize];
        in.seek(0);
        in.readFully(ftyp);
        for (int i = 8; i + 4 <= ftyp.length; i += 4) {
            if (i != 12 && MP4_BRANDS.contains(ascii(ftyp, i, 4))) { // offset 12 is the minor version
                return true;
            }
        }
        return false;
    }

    private static Probe mp4(RandomAccessFile in, long size) throws IOException {
        long position = 0;
        while (position + 8 <= size) {
            in.seek(position);
            long boxSize = in.readInt() & 0xFFFFFFFFL;
            byte[] type = new byte[4];
            in.readFully(type);
            int header = 8;
            if (boxSize == 1) {
                boxSize = in.readLong();
                header = 16;
            } else if (boxSize == 0) {
                boxSize = size - position;
            }
            if (boxSize < header || position + boxSize > size) {
                throw corrupt("its box \"" + ascii(type, 0, 4) + "\" runs past the end of the file");
            }
            if (ascii(type, 0, 4).equals("moov")) {
                if (boxSize - header > MAX_MOOV) {
                    throw corrupt("its moov box is too large");
                }
                byte[] moov = new byte[(int) (boxSize - header)];
                in.readFully(moov);
                return movie(ByteBuffer.wrap(moov), size);
            }
            position += boxSize;
        }
        throw corrupt("it has no moov box (the movie header)");
    }

    private static Probe movie(ByteBuffer moov, long size) {
        Long durationMs = null;
        int width = 0;
        int height = 0;
        while (moov.remaining() >= 8) {
            int start = moov.position();
            long boxSize = moov.getInt() & 0xFFFFFFFFL;
            String type = ascii(moov, 4);
            if (boxSize < 8 || boxSize > moov.limit() - start) {
                throw corrupt("its box \"" + type + "\" in moov runs past its end");
            }
            ByteBuffer body = moov.slice(start + 8, (int) boxSize - 8);
            if (type.equals("mvhd")) {
                int version = body.get(0);
                long timescale = (body.getInt(version == 1 ? 20 : 12)) & 0xFFFFFFFFL;
                long duration = version == 1 ? body.getLong(24) : body.getInt(16) & 0xFFFFFFFFL;
                if (timescale == 0) {
                    throw corrupt("its movie header has no timescale");
                }
                durationMs = duration * 1000 / timescale;
            } else if (type.equals("trak") && width == 0) {
                int[] trackSize = track(body);
                width = trackSize[0];
                height = trackSize[1];
            }
            moov.position(start + (int) boxSize);
        }
        if (durationMs == null) {
            throw corrupt("it has no movie header (mvhd)");
        }
        if (width == 0 || height == 0) {
            throw corrupt("it has no video track with a size (tkhd)");
        }
        return new Probe(MediaKind.VIDEO, "video/mp4", "mp4", width, height, durationMs, size, null);
    }

    /** The track header's width and height (16.16 fixed point, the last 8 bytes of tkhd); zero for a sound track. */
    private static int[] track(ByteBuffer trak) {
        while (trak.remaining() >= 8) {
            int start = trak.position();
            long boxSize = trak.getInt() & 0xFFFFFFFFL;
            String type = ascii(trak, 4);
            if (boxSize < 8 || boxSize > trak.limit() - start) {
                throw corrupt("its box \"" + type + "\" in trak runs past its end");
            }
            if (type.equals("tkhd")) {
                int end = start + (int) boxSize;
                return new int[] { trak.getInt(end - 8) >>> 16, trak.getInt(end - 4) >>> 16 };
            }
            trak.position(start + (int) boxSize);
        }
        return new int[] { 0, 0 };
    }

    static ProblemException corrupt(String why) {
        return new ProblemException(422, "corrupt-media", "Corrupt file",
                "The file looks like an image or a video but " + why);
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, Math.min(length, Math.max(0, b.length - offset)), StandardCharsets.ISO_8859_1);
    }

    private static String ascii(ByteBuffer b, int length) {
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

}
