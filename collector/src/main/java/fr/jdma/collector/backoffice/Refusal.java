package fr.jdma.collector.backoffice;

/** A back-office request that cannot be served, answered as a French page with its status (403, 404, 429…). */
final class Refusal extends RuntimeException {

    private final int status;
    private final String title;

    Refusal(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    static Refusal notFound() {
        return new Refusal(404, "Page introuvable",
                "Cette page n'existe pas, ou elle concerne un service auquel votre jeton ne donne pas accès.");
    }

    static Refusal forbidden(String message) {
        return new Refusal(403, "Accès refusé", message);
    }
}
