package fr.jdma.collector.access;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.Settings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Anti-forgery tokens of the back office's forms. A form's token is an HMAC of the browser's
 * jdma_session cookie under a secret kept in the database (drawn at the first start, shared by
 * every collector on the same database): another site can make the browser send the cookie but
 * can neither read it nor compute the token, and nothing per form needs storing.
 */
public final class Csrf {

    private static final String SETTING = "csrf_secret";

    private final SecretKeySpec key;

    private Csrf(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
    }

    public static Csrf open(Database database) {
        // Several collectors may start at once on one PostgreSQL: the first insert wins, all read it back.
        database.dsl().insertInto(Settings.TABLE).set(Settings.NAME, SETTING).set(Settings.VALUE, Tokens.newToken(""))
                .onConflict(Settings.NAME).doNothing().execute();
        return new Csrf(database.dsl().select(Settings.VALUE).from(Settings.TABLE)
                .where(Settings.NAME.eq(SETTING)).fetchOne(Settings.VALUE));
    }

    /** The token the forms of the holder of this cookie value carry. */
    public String tokenFor(String cookieValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(cookieValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the presented token is the one of this cookie value (compared in constant time). */
    public boolean accepts(String cookieValue, String presented) {
        if (cookieValue == null || cookieValue.isEmpty() || presented == null || presented.isEmpty()) return false;
        return MessageDigest.isEqual(tokenFor(cookieValue).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
