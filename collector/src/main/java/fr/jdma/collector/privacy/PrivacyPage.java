package fr.jdma.collector.privacy;

import fr.jdma.collector.web.Page;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * GET /confidentialite: what the collector keeps about the people who answer, and what it never
 * keeps, in French, for citizens. Linked from the hosted form and the widget's dialog. The
 * retention it states is this installation's own (JDMA_RETENTION_DAYS), never a promise in a template.
 */
public final class PrivacyPage {

    public static final String PATH = Page.PRIVACY;

    private final int retentionDays;

    public PrivacyPage(int retentionDays) {
        this.retentionDays = retentionDays;
    }

    public void routes(JavalinConfig config) {
        config.routes.get(PATH, this::show);
    }

    private void show(Context ctx) {
        Page.titled("Données personnelles et confidentialité").main(main()).publicFor(3600).send(ctx, 200);
    }

    /** The page's main area, starting with its h1. */
    String main() {
        return """
                <h1>Données personnelles et confidentialité</h1>
                <p>« Je donne mon avis » recueille l’avis des usagers à la fin d’une démarche en ligne, pour que
                l’administration qui la propose puisse l’améliorer et publier ses résultats de satisfaction.
                Votre avis est <strong>anonyme</strong>.</p>

                <h2>Ce que nous recueillons</h2>
                <ul>
                  <li>vos réponses aux questions : satisfaction, clarté des informations, aide demandée et obtenue ;</li>
                  <li>votre commentaire, si vous en écrivez un ;</li>
                  <li>la démarche et le lieu concernés (par exemple une commune ou une agence), la façon dont vous
                  êtes arrivé au questionnaire (bouton, lien reçu par e-mail) ;</li>
                  <li>l’adresse de la page où vous avez répondu, sans ses paramètres ni son ancre, qui peuvent contenir
                  un numéro de dossier ;</li>
                  <li>la langue du questionnaire, la date et l’heure de réception.</li>
                </ul>

                <h2>Ce que nous ne recueillons pas</h2>
                <ul>
                  <li>ni votre nom, ni votre adresse e-mail, ni votre numéro de téléphone : ils ne vous sont jamais demandés ;</li>
                  <li>pas votre adresse IP : elle sert seulement, en mémoire et sous forme d’empreinte chiffrée pendant
                  quelques minutes, à limiter les envois abusifs et à repérer un même avis envoyé deux fois ;
                  elle n’est jamais enregistrée ;</li>
                  <li>aucun cookie, aucun traceur, aucune mesure d’audience.</li>
                </ul>
                <p>Si votre commentaire contient malgré tout des données personnelles (adresse e-mail, numéro de
                téléphone, IBAN, numéro de dossier ou de sécurité sociale) ou le nom d’un agent, elles sont remplacées
                avant l’enregistrement (par exemple par « [e-mail] » ou « [nom] ») : le texte d’origine n’est jamais
                conservé. Les agents ne sont jamais identifiés.</p>
                <p>Si vous ne pouvez pas envoyer votre avis à cause d’une coupure de réseau, le bouton le garde dans
                votre navigateur (au plus 10 avis, 7 jours au plus) pour l’envoyer plus tard ; rien d’autre n’y est
                conservé.</p>

                <h2>Cookie</h2>
                <p>Aucun cookie n’est déposé chez les usagers. Le seul cookie, <code>jdma_session</code>, est réservé
                aux agents de l’administration qui se connectent à l’espace de gestion : il est strictement nécessaire
                à leur connexion et disparaît à la déconnexion ou à son expiration.</p>

                <h2>Durée de conservation</h2>
                """ + retention() + """

                <h2>Qui lit les avis</h2>
                <p>Les équipes de l’administration qui propose la démarche lisent les avis et leurs commentaires pour
                améliorer le service. Elles peuvent supprimer définitivement un commentaire. Les résultats publiés
                ne montrent que des totaux, jamais un avis isolé, et aucun résultat pour moins de 100 avis.</p>

                <h2>Demander l’effacement d’un avis</h2>
                <p>Votre avis étant anonyme, nous ne pouvons pas le retrouver à partir de votre identité. Si vous avez
                écrit dans un commentaire une information qui permet de vous reconnaître, écrivez à l’administration
                qui propose la démarche (coordonnées sur son site) en indiquant la démarche, la date et l’heure
                approximative de votre avis et quelques mots de votre commentaire : le commentaire sera effacé
                définitivement. Vous pouvez aussi adresser une réclamation à la Commission nationale de
                l’informatique et des libertés (CNIL, cnil.fr).</p>
                """;
    }

    private String retention() {
        if (retentionDays > 0) {
            return "<p>Les avis détaillés, commentaires compris, sont effacés automatiquement au bout de "
                    + retentionDays + " jours. Seuls des totaux par jour, sans aucun commentaire, sont gardés pour "
                    + "calculer les indicateurs.</p>\n";
        }
        return "<p>Cette installation ne fixe pas de durée d’effacement automatique des avis : ils sont conservés "
                + "jusqu’à leur suppression par l’administration qui propose la démarche. Les indicateurs sont "
                + "calculés sur des totaux par jour, sans aucun commentaire.</p>\n";
    }
}
