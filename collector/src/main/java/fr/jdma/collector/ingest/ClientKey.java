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
 * after a restart the same address gives another key. An IPv6 client is known by its /64, the
 * block one subscriber gets: otherwise one host could take a new address for each rating, pass
 * every limit and fill the limiter's memory.
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
        return HexFormat.of().formatHex(macs.get().doFinal(network(clientAddress).getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /**
     * An IPv6 address's /64 ({@code 2001:db8:0:1::/64}); an IPv4 address, an IPv4-mapped one, or
     * anything that does not read as IPv6, as it is. Text only: no lookup of any kind.
     */
    static String network(String address) {
        if (address.indexOf(':') < 0 || address.indexOf('.') >= 0) return address;
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        String[] halves = (zone < 0 ? literal : literal.substring(0, zone)).split("::", -1);
        if (halves.length > 2) return address;
        String[] head = groups(halves[0]);
        String[] tail = halves.length == 2 ? groups(halves[1]) : new String[0];
        int zeros = 8 - head.length - tail.length;
        if (halves.length == 1 ? zeros != 0 : zeros < 1) return address;
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            String group = i < head.length ? head[i] : i < head.length + zeros ? "0" : tail[i - head.length - zeros];
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return address;
            }
            if (i < 4) prefix.append(Integer.toHexString(Integer.parseInt(group, 16))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static String[] groups(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
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
