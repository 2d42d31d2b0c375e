package fr.jdma.collector.access;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a signed-in person or a token may do. An analyst reads its services' indicators,
 * comments and exports; an owner also edits their settings (origins, hidden questions, public
 * flag, location names) and moderates their comments; the administrator does everything.
 */
public enum Role {
    ANALYST("analyst", "Analyste"),
    OWNER("owner", "Responsable de service"),
    ADMIN("admin", "Administrateur");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The word the API, the database and the forms use. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The French name the back office shows. */
    public String label() {
        return label;
    }

    /** A role a token may be given: analyst or owner (there is one administrator, the admin token). */
    public static Optional<Role> ofToken(String code) {
        return Arrays.stream(values()).filter(r -> r != ADMIN && r.code.equals(code)).findFirst();
    }
}
