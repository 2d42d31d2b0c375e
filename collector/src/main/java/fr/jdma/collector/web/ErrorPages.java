package fr.jdma.collector.web;

/** The French pages HTML routes answer when something goes wrong, in the one page shell. */
final class ErrorPages {

    private ErrorPages() {
    }

    static Page of(int status) {
        return switch (status) {
            case 400 -> Page.message("Demande invalide", "La demande envoyée n'est pas valide. Revenez à la page précédente et réessayez.");
            case 401, 403 -> Page.message("Accès refusé", "Vous n'avez pas accès à cette page.");
            case 404 -> Page.message("Page introuvable", "Il n'y a pas de page à cette adresse. Vérifiez l'adresse saisie.");
            case 405 -> Page.message("Action impossible", "Cette page ne peut pas être utilisée de cette façon.");
            case 409 -> Page.message("Conflit", "Cette action entre en conflit avec l'état actuel. Rechargez la page.");
            case 413 -> Page.message("Envoi trop volumineux", "Les données envoyées sont trop longues.");
            case 415 -> Page.message("Envoi impossible", "Ce format d'envoi n'est pas accepté.");
            case 429 -> Page.message("Trop de demandes", "Merci de réessayer dans une minute.");
            case 503 -> Page.message("Service momentanément indisponible", "Merci de réessayer dans quelques instants.");
            default -> status >= 500
                    ? Page.message("Erreur du service", "Une erreur inattendue s'est produite ; elle a été enregistrée. Merci de réessayer plus tard.")
                    : Page.message("Demande impossible", "Cette demande ne peut pas aboutir.");
        };
    }
}
