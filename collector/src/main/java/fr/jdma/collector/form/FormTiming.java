package fr.jdma.collector.form;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * The hosted form's {@code elapsed} without JavaScript: the page carries the instant it was shown,
 * signed with a key held in memory, and the post's elapsed time is measured from it. A stamp that
 * is missing, malformed, forged, or signed by another instance (or before a restart) tells nothing,
 * so it is no evidence against the answer.
 */
public final class FormTiming {

    /** The hidden field holding the stamp. */
    public static final String FIELD = "t";

    private final Clock clock;
    private final SecretKeySpec key;

    public FormTiming(Clock clock) {
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** "millis.signature", for the page being rendered now. */
    public String stamp() {
        String millis = Long.toString(clock.millis());
        return millis + "." + sign(millis);
    }

    /** Milliseconds since the stamped page was shown, when the stamp is ours and sound. */
    public OptionalLong elapsedSince(String stamp) {
        if (stamp == null || !stamp.matches("\\d{1,15}\\.[0-9a-f]{64}")) return OptionalLong.empty();
        String millis = stamp.substring(0, stamp.indexOf('.'));
        byte[] given = stamp.substring(stamp.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(millis).getBytes(StandardCharsets.US_ASCII))) return OptionalLong.empty();
        return OptionalLong.of(Math.max(0, clock.millis() - Long.parseLong(millis)));
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
