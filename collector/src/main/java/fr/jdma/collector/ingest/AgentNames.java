package fr.jdma.collector.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the names of agents by "[nom]" (Services Publics+: agents are never identified).
 * A name is what follows a civility ("Mme Martin", "M. Le Gall") or a role ("l'agent Lefebvre",
 * "votre collègue Sophie"), or a known first name on its own ("merci à Sophie", "Sophie Martin").
 * Left alone: places and things named after people ("rue Victor Hugo", "hôpital Saint-Louis"),
 * institutions ("Paris Habitat", "l'agent CAF") and civilities without a name ("Merci Madame,
 * Monsieur", "M. le Maire"). The word lists are data under resources/moderation.
 */
final class AgentNames {

    static final String MASK = "[nom]";

    private static final Set<String> FIRST_NAMES = union(WordList.keys("prenoms.txt"), WordList.keys("prenoms-ambigus.txt"));
    private static final Set<String> AMBIGUOUS = WordList.keys("prenoms-ambigus.txt");
    private static final Set<String> NOT_NAMES = union(WordList.keys("fonctions.txt"), WordList.keys("lieux.txt"));
    private static final Set<String> PLACES = WordList.keys("lieux.txt");
    private static final Set<String> ACRONYMS = WordList.keys("acronymes.txt");

    private static final Set<String> CIVILITIES = Set.of("madame", "mme", "mmes", "mlle", "mademoiselle", "monsieur", "m", "mr",
            "mesdames", "messieurs");
    private static final Set<String> ABBREVIATED = Set.of("mme", "mmes", "mlle", "m", "mr");
    private static final Set<String> ROLES = Set.of("agent", "agente", "conseiller", "conseillere", "collegue",
            "hotesse", "guichetier", "guichetiere", "employe", "employee", "technicien", "technicienne", "interlocuteur",
            "interlocutrice", "gestionnaire", "assistant", "assistante", "operateur", "operatrice", "standardiste",
            "referent", "referente", "instructeur", "instructrice", "charge", "chargee");
    /** What may stand between a role and the name: "l'agent d'accueil Sophie", "la conseillère au téléphone, Julie". */
    private static final Set<String> ROLE_COMPLEMENTS = Set.of("d", "de", "l", "du", "au", "accueil", "guichet",
            "telephone", "administratif", "administrative", "social", "sociale", "clientele", "dossier", "mon", "ma",
            "votre", "notre");
    private static final Set<String> PARTICLES = Set.of("de", "du", "des", "d", "le", "la", "van", "von", "ben", "el");
    private static final Set<String> THANKS = Set.of("merci", "bravo", "avec");

    /** Words, with their hyphenated compounds (Marie-Claire, Saint-Louis); an apostrophe separates (l'agent). */
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:-\\p{L}+)*");
    private static final Pattern AFTER_ABBREVIATION = Pattern.compile("\\.[ \\u00A0]*|[ \\u00A0]+");
    private static final Pattern SPACES = Pattern.compile("[ \\u00A0]+");
    private static final Pattern SPACES_OR_COMMA = Pattern.compile("[ \\u00A0'’]*,?[ \\u00A0]*|[ \\u00A0'’]+");
    private static final Pattern SPACES_OR_APOSTROPHE = Pattern.compile("[ \\u00A0'’]+");

    private record Token(String text, String key, int start, int end) {
        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }
    }

    private AgentNames() {
    }

    /** The comment with agents' names masked; adds {@code agent_named} to the flags when it masked one. */
    static String mask(String comment, Set<String> flags) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(comment);
        while (m.find()) tokens.add(new Token(m.group(), WordList.key(m.group()), m.start(), m.end()));

        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            int end = -1;
            if (isCivility(comment, tokens, i)) {
                end = nameRun(comment, tokens, i + 1, false, spans);
            } else if (ROLES.contains(t.key())) {
                int j = i + 1;
                while (j < tokens.size() && j <= i + 3 && ROLE_COMPLEMENTS.contains(tokens.get(j).key())
                        && onlySpaces(comment, tokens.get(j - 1), tokens.get(j), true)) j++;
                if (j < tokens.size() && onlySpaces(comment, tokens.get(j - 1), tokens.get(j), true)) {
                    end = nameRun(comment, tokens, j, true, spans);
                }
            } else if (startsBareName(comment, tokens, i)) {
                end = nameRun(comment, tokens, i, true, spans);
            } else if (PLACES.contains(t.key())) {
                // "rue Victor Hugo", "hôpital Saint-Louis": the name of the place is no agent's.
                int skip = skipCapitalised(comment, tokens, i + 1);
                if (skip > i + 1) {
                    i = skip;
                    continue;
                }
            }
            if (end > i) {
                // Two people: "Sophie et Julie", "Mmes Martin et Durand".
                boolean introduced = !startsBareName(comment, tokens, i);
                while (end + 1 < tokens.size() && tokens.get(end).key().equals("et")
                        && onlySpaces(comment, tokens.get(end - 1), tokens.get(end), false)
                        && onlySpaces(comment, tokens.get(end), tokens.get(end + 1), false)
                        && tokens.get(end + 1).capitalised() && isNameWord(tokens.get(end + 1), false)
                        && (introduced || isFirstName(tokens.get(end + 1)))) {
                    int next = nameRun(comment, tokens, end + 1, true, spans);
                    if (next < 0) break;
                    end = next;
                }
                i = end;
            } else {
                i++;
            }
        }
        if (spans.isEmpty()) return comment;
        flags.add(Flag.AGENT_NAMED.wire());
        StringBuilder out = new StringBuilder(comment);
        for (int k = spans.size() - 1; k >= 0; k--) out.replace(spans.get(k)[0], spans.get(k)[1], MASK);
        return out.toString();
    }

    private static boolean isCivility(String comment, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!CIVILITIES.contains(t.key()) || i + 1 >= tokens.size()) return false;
        // A bare "m" is a civility only as "M" (M. Dupont, M Dupont), never the "m" of "m'a".
        if (t.key().equals("m") && !t.text().equals("M")) return false;
        Token next = tokens.get(i + 1);
        String gap = comment.substring(t.end(), next.start());
        boolean abbreviated = ABBREVIATED.contains(t.key());
        return (abbreviated ? AFTER_ABBREVIATION : SPACES).matcher(gap).matches();
    }

    /** A known first name on its own: capitalised, not a common word unless a surname or a thank-you comes with it. */
    private static boolean startsBareName(String comment, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (!t.capitalised() || !isFirstName(t) || NOT_NAMES.contains(t.key())) return false;
        // "Centre hospitalier Pierre Oudot", "place de Gaulle": a place word just before.
        if ((i > 0 && PLACES.contains(tokens.get(i - 1).key())) || (i > 1 && PLACES.contains(tokens.get(i - 2).key()))) {
            return false;
        }
        if (!AMBIGUOUS.contains(t.key())) return true;
        boolean surname = i + 1 < tokens.size() && onlySpaces(comment, t, tokens.get(i + 1), false)
                && tokens.get(i + 1).capitalised() && isNameWord(tokens.get(i + 1), false);
        boolean thanked = i > 0 && (THANKS.contains(tokens.get(i - 1).key())
                || (i > 1 && tokens.get(i - 1).key().equals("a") && THANKS.contains(tokens.get(i - 2).key())));
        return surname || thanked;
    }

    /**
     * The end (exclusive token index) of the name starting at {@code from}, recording its span;
     * -1 when there is none. Up to four words: first names, capitalised
     * surnames, particles between them (de, Le, van...). A lower-case "le"/"la" first is an
     * article ("M. le Maire"), not a particle.
     */
    private static int nameRun(String comment, List<Token> tokens, int from, boolean lowerFirstNames, List<int[]> spans) {
        int j = from;
        int lastName = -1;
        while (j < tokens.size() && j < from + 4) {
            Token t = tokens.get(j);
            if (j > from && !onlySpaces(comment, tokens.get(j - 1), t, false)) break;
            if (isNameWord(t, lowerFirstNames)) {
                lastName = j;
                j++;
                continue;
            }
            boolean particle = PARTICLES.contains(t.key())
                    && !(j == from && !t.capitalised() && (t.key().equals("le") || t.key().equals("la")));
            if (particle && j + 1 < tokens.size() && onlySpaces(comment, t, tokens.get(j + 1), false)
                    && isNameWord(tokens.get(j + 1), false) && tokens.get(j + 1).capitalised()) {
                j++;
                continue;
            }
            break;
        }
        if (lastName < 0) return -1;
        spans.add(new int[] {tokens.get(from).start(), tokens.get(lastName).end()});
        return lastName + 1;
    }

    private static boolean isNameWord(Token t, boolean lowerFirstNames) {
        if (NOT_NAMES.contains(t.key()) || CIVILITIES.contains(t.key()) || ACRONYMS.contains(t.key())) return false;
        if (t.capitalised()) return t.text().codePointCount(0, t.text().length()) > 1 || isFirstName(t);
        return lowerFirstNames && isFirstName(t) && !AMBIGUOUS.contains(t.key());
    }

    private static boolean isFirstName(Token t) {
        if (FIRST_NAMES.contains(t.key())) return true;
        if (!t.key().contains("-")) return false;
        for (String part : t.key().split("-")) {
            if (!FIRST_NAMES.contains(part)) return false;
        }
        return true;
    }

    private static int skipCapitalised(String comment, List<Token> tokens, int from) {
        int j = from;
        while (j < tokens.size() && (j == from || onlySpaces(comment, tokens.get(j - 1), tokens.get(j), false))
                && (tokens.get(j).capitalised() || (PARTICLES.contains(tokens.get(j).key()) && j > from))) j++;
        return j;
    }

    /** Nothing but spaces between two words (an apostrophe too for "d'accueil"; a comma too when allowed). */
    private static boolean onlySpaces(String comment, Token a, Token b, boolean commaAllowed) {
        String gap = comment.substring(a.end(), b.start());
        return (commaAllowed ? SPACES_OR_COMMA : SPACES_OR_APOSTROPHE).matcher(gap).matches();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
