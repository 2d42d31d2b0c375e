package fr.jdma.collector.access;

import fr.jdma.collector.storage.Database;
import fr.jdma.collector.storage.Schema.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The administrator's token: JDMA_ADMIN_TOKEN when set; otherwise one generated at the first
 * start, printed once, and kept only as a hash in the database.
 */
public final class AdminAccess {

    private static final Logger log = LoggerFactory.getLogger(AdminAccess.class);
    private static final String SETTING = "admin_token_sha256";

    private final String tokenHash;

    private AdminAccess(String tokenHash) {
        this.tokenHash = tokenHash;
    }

    public static AdminAccess open(Database database, Optional<String> configured) {
        if (configured.isPresent()) return new AdminAccess(Tokens.hash(configured.get()));
        Optional<String> stored = database.dsl().select(Settings.VALUE).from(Settings.TABLE)
                .where(Settings.NAME.eq(SETTING)).fetchOptional(Settings.VALUE);
        if (stored.isPresent()) return new AdminAccess(stored.get());
        String token = Tokens.newToken("adm_");
        database.dsl().insertInto(Settings.TABLE).set(Settings.NAME, SETTING).set(Settings.VALUE, Tokens.hash(token)).execute();
        // Printed once, on purpose: this is the only time the token exists outside the operator's hands.
        System.out.println("""

                ================================================================
                 Admin token generated (shown once; only its hash is stored):
                 %s
                 Set JDMA_ADMIN_TOKEN to choose your own.
                ================================================================
                """.formatted(token));
        log.info("a new admin token was generated and printed on standard output");
        return new AdminAccess(Tokens.hash(token));
    }

    public boolean accepts(String authorizationHeader) {
        return isAdminToken(Tokens.bearer(authorizationHeader));
    }

    /** The token itself, as typed in the back office's sign-in form. */
    public boolean isAdminToken(String token) {
        return token != null && Tokens.sameHash(Tokens.hash(token), tokenHash);
    }

    /**
     * Names the current admin token without revealing it (a hash of its hash): an admin session
     * remembers it, so changing JDMA_ADMIN_TOKEN ends every admin session.
     */
    public String fingerprint() {
        return Tokens.hash(tokenHash).substring(0, 16);
    }
}
