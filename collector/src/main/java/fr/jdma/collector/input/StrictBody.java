package fr.jdma.collector.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;

/**
 * The one decoding step for every request body we accept (ratings, the hosted form, the admin and
 * analyst APIs): the media type among those the endpoint takes, a charset that is UTF-8 or none,
 * at most {@code limit} bytes counted while reading (chunked bodies too, Content-Length is not
 * trusted), no UTF-16/32 (a byte-order mark or NUL bytes), and strict UTF-8 (malformed or overlong
 * sequences such as {@code C0 BC} are refused, never decoded into {@code <}). A UTF-8 byte-order
 * mark is dropped. Each refusal is a {@link Refused} saying which, so each door answers it its way.
 */
public final class StrictBody {

    /** Why a body was refused; the web layer maps each to its status (415, 413, 400, nothing). */
    public enum Reason {
        /** Another media type, another charset, an unknown charset, UTF-16 or UTF-32: 415. */
        UNSUPPORTED_MEDIA_TYPE,
        /** Over the limit: 413. */
        TOO_LARGE,
        /** Not valid UTF-8: 400. */
        MALFORMED,
        /** The client went away before sending the whole body: an ordinary event, nothing to answer. */
        CLIENT_GONE
    }

    public static final class Refused extends RuntimeException {
        private final Reason reason;

        public Refused(Reason reason, String detail) {
            super(detail, null, false, false); // an answer, not a failure: no stack trace
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        public String detail() {
            return getMessage();
        }
    }

    private StrictBody() {
    }

    /**
     * Checks the Content-Type: its media type among {@code mediaTypes} (lower case) and its charset,
     * when given, UTF-8 ({@code utf-8x}, {@code foo}, {@code %%%} or {@code iso-8859-1} are refused).
     */
    public static void requireType(String contentType, Set<String> mediaTypes, String expected) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String[] parts = type.split(";");
        if (!mediaTypes.contains(parts[0].trim())) {
            throw new Refused(Reason.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as " + expected + ", got '" + (contentType == null ? "none" : contentType) + "'");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (!parameter.startsWith("charset=")) continue;
            String charset = parameter.substring("charset=".length()).trim();
            if (charset.length() >= 2 && charset.startsWith("\"") && charset.endsWith("\"")) {
                charset = charset.substring(1, charset.length() - 1);
            }
            if (!isUtf8(charset)) {
                throw new Refused(Reason.UNSUPPORTED_MEDIA_TYPE, "the body must be encoded in UTF-8, got charset '" + charset + "'");
            }
        }
    }

    private static boolean isUtf8(String name) {
        try {
            return Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }

    /** Reads at most {@code limit} bytes of the body and decodes them strictly. */
    public static String read(InputStream in, long declaredLength, int limit) {
        if (declaredLength > limit) throw tooLarge(limit);
        byte[] bytes;
        try (in) {
            bytes = declaredLength >= 0 ? readDeclared(in, (int) declaredLength) : in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new Refused(Reason.CLIENT_GONE, "the client went away before sending the whole body");
        }
        if (bytes.length > limit) throw tooLarge(limit);
        return decode(bytes);
    }

    /**
     * A body of a declared length, read into an array of that length (readNBytes would allocate 8 KB blocks and copy them:
     * a quarter of the HTTP threads' garbage, docs/benchmarks.md). Jetty ends the stream at the declared length; a body
     * shorter than declared is a client that went away.
     */
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] bytes = new byte[length];
        if (in.readNBytes(bytes, 0, length) < length) throw new IOException("the body ended before its declared length");
        return bytes;
    }

    /** Strict UTF-8: the one way request bytes become text. */
    public static String decode(byte[] bytes) {
        int start = 0;
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            throw new Refused(Reason.UNSUPPORTED_MEDIA_TYPE, "the body must be encoded in UTF-8, not UTF-16 or UTF-32");
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) start = 3;
        for (byte b : bytes) {
            // JSON and form bodies never hold a raw NUL in UTF-8; UTF-16 and UTF-32 text is full of them
            if (b == 0) throw new Refused(Reason.UNSUPPORTED_MEDIA_TYPE, "the body must be encoded in UTF-8, not UTF-16 or UTF-32");
        }
        return utf8(ByteBuffer.wrap(bytes, start, bytes.length - start));
    }

    /** Bytes that must be UTF-8 (percent-escaped form values too): malformed or overlong sequences are refused. */
    public static String utf8(byte[] bytes) {
        return utf8(ByteBuffer.wrap(bytes));
    }

    private static String utf8(ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(Reason.MALFORMED, "the body is not valid UTF-8");
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    private static Refused tooLarge(int limit) {
        return new Refused(Reason.TOO_LARGE, "the body must be at most " + limit + " bytes");
    }
}
