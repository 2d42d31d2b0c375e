package fr.jdma.collector.ingest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who is asking, as the rate limiter and the duplicate check know a client: an HMAC of the
 * address under a key drawn at start and held only in memory. Never stored, never logged;
 * after a restart the same address gives another key.
 */
public final class ClientKey {

    /** One keyed MAC per thread: looking one up and keying it cost more than the hash, twice per rating. */
    private final ThreadLocal<Mac> macs;

    public ClientKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> keyed(key));
    }

    public String of(String clientAddress) {
        // doFinal leaves the MAC ready for the next address.
        return HexFormat.of().formatHex(macs.get().doFinal(clientAddress.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
