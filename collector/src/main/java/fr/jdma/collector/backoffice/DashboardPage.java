package fr.jdma.collector.backoffice;

import fr.jdma.collector.access.Analyst;
import fr.jdma.collector.catalogue.RefusedOrigins;
import fr.jdma.collector.catalogue.Service;
import fr.jdma.collector.export.ExportController;
import fr.jdma.collector.export.TableDownload;
import fr.jdma.collector.ingest.Rating;
import fr.jdma.collector.input.Codes;
import fr.jdma.collector.input.InvalidInputException;
import fr.jdma.collector.input.Period;
import fr.jdma.collector.input.QueryParams;
import fr.jdma.collector.results.PlaceNames;
import fr.jdma.collector.stats.AnswerBreakdown;
import fr.jdma.collector.stats.Indicators;
import fr.jdma.collector.stats.ServiceSummary;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.stats.StatsController;
import fr.jdma.collector.stats.StatsQuery;
import fr.jdma.collector.web.Charts;
import fr.jdma.collector.web.Components;
import fr.jdma.collector.web.IndicatorCards;
import fr.jdma.collector.web.ScoreTable;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.text.Collator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static fr.jdma.collector.web.Html.escape;

/**
 * A service's page, /admin/services/{id}: its dashboard with filters (period, location, source),
 * the refused origins to allow, and downloads of the filtered data through the session.
 */
final class DashboardPage {

    private static final Map<Rating.Satisfaction, String> SATISFACTION = Map.of(
            Rating.Satisfaction.GOOD, "Très bien", Rating.Satisfaction.AVERAGE, "Moyen", Rating.Satisfaction.BAD, "Pas bien");
    private static final Map<Rating.Help, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put(Rating.Help.COUNTER, "Guichet");
        HELP.put(Rating.Help.PHONE, "Téléphone");
        HELP.put(Rating.Help.EMAIL, "E-mail ou chat avec l'administration");
        HELP.put(Rating.Help.RELATIVE, "Une personne proche");
        HELP.put(Rating.Help.ASSOCIATION, "Une association");
        HELP.put(Rating.Help.WEBSITES, "Des sites internet");
        HELP.put(Rating.Help.OTHER, "Autre");
        HELP.put(Rating.Help.NONE, "Je n'ai pas eu besoin d'aide");
    }

    /** What the dashboard shows, as its GET form sends it. */
    record Filters(Period period, String location, String source, String sort, boolean descending) {

        String query(boolean withSource) {
            StringBuilder q = new StringBuilder();
            add(q, "from", String.valueOf(period.from()));
            add(q, "to", String.valueOf(period.to()));
            if (location != null) add(q, "location", location);
            if (withSource && source != null) add(q, "source", source);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            q.append(q.isEmpty() ? "?" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private final StaffGate gate;
    private final ServicePages services;
    private final RefusedOrigins refusedOrigins;
    private final AnswerBreakdown breakdown;
    private final Statistics statistics;
    private final PlaceNames places;
    private final ExportController exports;
    private final StatsController stats;
    private final Clock clock;

    DashboardPage(StaffGate gate, ServicePages services, RefusedOrigins refusedOrigins, AnswerBreakdown breakdown,
                  Statistics statistics, PlaceNames places, ExportController exports, StatsController stats, Clock clock) {
        this.gate = gate;
        this.services = services;
        this.refusedOrigins = refusedOrigins;
        this.breakdown = breakdown;
        this.statistics = statistics;
        this.places = places;
        this.exports = exports;
        this.stats = stats;
        this.clock = clock;
    }

    void routes(JavalinConfig config) {
        config.routes.get("/admin/services/{id}", this::show);
        // The same entry points as the API's, with the session standing in for the bearer token.
        config.routes.get("/admin/services/{id}/ratings.csv", ctx -> download(() -> exports.send(ctx, gate.require(ctx), scoped(ctx), TableDownload.Format.CSV)));
        config.routes.get("/admin/services/{id}/ratings.xlsx", ctx -> download(() -> exports.send(ctx, gate.require(ctx), scoped(ctx), TableDownload.Format.XLSX)));
        config.routes.get("/admin/services/{id}/stats.csv", ctx -> download(() -> stats.table(ctx, gate.require(ctx), scoped(ctx), TableDownload.Format.CSV)));
        config.routes.get("/admin/services/{id}/stats.xlsx", ctx -> download(() -> stats.table(ctx, gate.require(ctx), scoped(ctx), TableDownload.Format.XLSX)));
    }

    /** A download whose filters were edited by hand: the page names each bad one, in French. */
    private static void download(Runnable send) {
        try {
            send.run();
        } catch (InvalidInputException e) {
            throw new Refusal(400, "Filtres invalides", "Le téléchargement n'a pas pu se faire : "
                    + e.errors().stream().map(error -> FILTERS.getOrDefault(error.field(), error.field()) + " (" + error.field() + ")")
                    .distinct().collect(java.util.stream.Collectors.joining(", "))
                    + " n'est pas valide. Choisissez les filtres dans le tableau de bord, puis téléchargez à nouveau.");
        }
    }

    private static final Map<String, String> FILTERS = Map.of("from", "la date de début", "to", "la date de fin",
            "location", "le lieu", "source", "la source", "excel", "le format Excel", "by", "le regroupement", "flags", "le signalement");

    /** The export's own query with the service of the page: the session stands in for the bearer token, nothing else changes. */
    private Map<String, List<String>> scoped(Context ctx) {
        Analyst who = gate.require(ctx);
        Service service = services.readable(who, ctx.pathParam("id"));
        Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
        params.put("service", List.of(service.id()));
        return params;
    }

    private void show(Context ctx) {
        Analyst who = gate.require(ctx);
        Service service = services.readable(who, ctx.pathParam("id"));
        String csrf = gate.formToken(ctx);
        StringBuilder main = new StringBuilder(ServiceTabs.header(service, ServiceTabs.DASHBOARD, "Tableau de bord"));
        if (ctx.queryParam("cree") != null) main.append("<p class=\"notice\" role=\"status\">Le service est créé.</p>");
        if (ctx.queryParam("autorise") != null) {
            main.append("<p class=\"notice\" role=\"status\">L'origine est autorisée : les avis de ce site sont désormais acceptés.</p>");
        }
        main.append(ServiceTabs.originsWarning(service)).append(refused(service, who, csrf));
        List<String> locations = statistics.indicators(new StatsQuery(service.id(), null, Period.ALWAYS, StatsQuery.Grouping.LOCATION))
                // "" (the service as a whole) cannot be asked for: an empty filter means every location.
                .stream().map(Indicators::location).filter(location -> !location.isEmpty())
                .sorted(Comparator.comparing(location -> places.of(service, null, location), BY_NAME)).toList();
        Filters filters;
        try {
            filters = filters(ctx);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.put(error.field(), switch (error.field()) {
                case "from", "to" -> "Indiquez des dates valides, la première avant la seconde.";
                case "location" -> "Choisissez un lieu de la liste.";
                default -> "La source est un code de 1 à 32 caractères parmi A-Z a-z 0-9 . _ -";
            }));
            main.append(Components.errorSummary("Les filtres ne sont pas valides", errors));
            filters = defaults();
        }
        main.append(filterForm(service, filters, locations, location -> locationName(service, location)));
        ServiceSummary summary = ServiceSummary.of(breakdown, service.id(), filters.location(), filters.source(), filters.period());
        main.append(downloads(service, filters)).append(content(ctx, service, filters, summary));
        ServicePages.send(ctx, 200, Layout.page(service.name() + " – tableau de bord", Layout.Section.SERVICES, who, csrf, main.toString()));
    }

    private String refused(Service service, Analyst who, String csrf) {
        List<RefusedOrigins.Refused> refused = refusedOrigins.of(service.id());
        if (refused.isEmpty()) return "";
        StringBuilder html = new StringBuilder("<section class=\"refused\" aria-labelledby=\"refused-title\"><h2 id=\"refused-title\">Sites refusés</h2>")
                .append("<p>Des avis envoyés depuis ces sites ont été refusés, car ils ne figurent pas parmi les sites autorisés. ")
                .append("Si l'un d'eux est bien le vôtre, autorisez-le.</p>")
                .append("<table>\n<caption>Origines refusées récemment</caption>\n<thead><tr><th scope=\"col\">Origine</th>")
                .append("<th scope=\"col\">Avis refusés</th><th scope=\"col\">Dernier refus</th>")
                .append(who.mayEdit(service.id()) ? "<th scope=\"col\">Action</th>" : "").append("</tr></thead>\n<tbody>\n");
        for (RefusedOrigins.Refused r : refused) {
            html.append("<tr><th scope=\"row\">").append(escape(r.origin())).append("</th><td>").append(r.count()).append("</td><td>")
                    .append(Formats.dateTime(r.lastSeen())).append("</td>");
            if (who.mayEdit(service.id())) {
                html.append("<td><form method=\"post\" action=\"").append(ServiceTabs.path(service.id(), "/origines")).append("\">")
                        .append(Layout.csrfField(csrf)).append("<input type=\"hidden\" name=\"origin\" value=\"").append(escape(r.origin())).append("\">")
                        .append("<button type=\"submit\" class=\"secondary\">Autoriser <span class=\"sr-only\">")
                        .append(escape(r.origin())).append("</span></button></form></td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table></section>").toString();
    }

    private Filters defaults() {
        LocalDate today = LocalDate.now(clock);
        return new Filters(new Period(today.minusMonths(12).plusDays(1), today), null, null, "location", false);
    }

    private Filters filters(Context ctx) {
        QueryParams q = new QueryParams(ctx.queryParamMap());
        Period asked = q.period();
        String location = q.optional("location", Codes.CODE);
        String source = q.optional("source", Codes.SOURCE);
        String sort = q.choice("tri", List.of("lieu", "avis", "satisfaction"), "lieu");
        String order = q.choice("ordre", List.of("asc", "desc"), "asc");
        q.check();
        Period fallback = defaults().period();
        return new Filters(new Period(asked.from() == null ? fallback.from() : asked.from(), asked.to() == null ? fallback.to() : asked.to()),
                location, source, sort, order.equals("desc"));
    }

    private static String filterForm(Service service, Filters f, List<String> locations, Function<String, String> names) {
        StringBuilder html = new StringBuilder("<form method=\"get\" action=\"").append(ServiceTabs.path(service.id(), ServiceTabs.DASHBOARD))
                .append("\" class=\"filters\" aria-label=\"Filtres\">")
                .append("<div class=\"group\"><label class=\"question\" for=\"from\">Du</label><input type=\"date\" id=\"from\" name=\"from\" value=\"")
                .append(f.period().from()).append("\"></div>")
                .append("<div class=\"group\"><label class=\"question\" for=\"to\">Au</label><input type=\"date\" id=\"to\" name=\"to\" value=\"")
                .append(f.period().to()).append("\"></div>")
                .append("<div class=\"group\"><label class=\"question\" for=\"location\">Lieu</label><select id=\"location\" name=\"location\">")
                .append("<option value=\"\">Tous les lieux</option>");
        for (String location : locations) {
            html.append("<option value=\"").append(escape(location)).append('"').append(location.equals(f.location()) ? " selected" : "")
                    .append('>').append(escape(names.apply(location))).append("</option>");
        }
        html.append("</select></div>")
                .append("<div class=\"group\"><label class=\"question\" for=\"source\">Source</label>")
                .append("<input id=\"source\" name=\"source\" value=\"").append(escape(f.source() == null ? "" : f.source()))
                .append("\" aria-describedby=\"source-hint\"><p class=\"hint\" id=\"source-hint\">Par exemple button, email ; vide pour toutes.</p></div>")
                .append("<button type=\"submit\" class=\"send\">Filtrer</button></form>");
        return html.toString();
    }

    private static String downloads(Service service, Filters f) {
        String base = "/admin/services/" + service.id();
        String q = f.query(true);
        return "<section aria-labelledby=\"downloads-title\" class=\"downloads\"><h2 id=\"downloads-title\">Télécharger ces données</h2><ul>"
                + "<li><a href=\"" + escape(base + "/ratings.csv" + q) + "\" download>Avis (CSV)</a></li>"
                + "<li><a href=\"" + escape(base + "/ratings.csv" + q + "&excel=true") + "\" download>Avis (CSV pour Excel)</a></li>"
                + "<li><a href=\"" + escape(base + "/ratings.xlsx" + q) + "\" download>Avis (tableur XLSX)</a></li>"
                + "<li><a href=\"" + escape(base + "/stats.csv" + f.query(false)) + "\" download>Indicateurs par lieu (CSV)</a></li>"
                + "<li><a href=\"" + escape(base + "/stats.xlsx" + f.query(false)) + "\" download>Indicateurs par lieu (tableur XLSX)</a></li>"
                + "</ul>" + (f.source() == null ? "" : "<p class=\"hint\">Les indicateurs ne se filtrent pas par source : ils comptent toutes les sources.</p>")
                + "</section>";
    }

    private String content(Context ctx, Service service, Filters f, ServiceSummary s) {
        Indicators all = s.overall();
        StringBuilder html = new StringBuilder("<h2>Indicateurs officiels</h2>");
        if (all.answers() == 0) return html.append("<p>Aucun avis sur cette période avec ces filtres.</p>").toString();
        html.append("<p>").append(all.answers()).append(" avis du ").append(Formats.day(f.period().from())).append(" au ")
                .append(Formats.day(f.period().to())).append(". Les niveaux officiels demandent au moins ")
                .append(Indicators.MIN_ANSWERS).append(" avis.</p>")
                .append(IndicatorCards.render(all, 3));

        html.append("<h2>Répartition des réponses</h2><div class=\"distribution\">");
        List<Charts.Bar> satisfaction = new ArrayList<>();
        s.satisfaction().forEach((k, v) -> satisfaction.add(new Charts.Bar(SATISFACTION.get(k), v)));
        html.append(Charts.bars("De façon générale, comment ça s'est passé ?", satisfaction));
        html.append(Charts.bars("Clarté des informations et des instructions (1 : pas clair du tout, 5 : très clair)", scale(s.clarity())));
        List<Charts.Bar> help = new ArrayList<>();
        HELP.forEach((k, label) -> help.add(new Charts.Bar(label, s.help().get(k))));
        html.append(Charts.bars("Aide recherchée durant le parcours (plusieurs réponses possibles)", help));
        html.append(Charts.bars("Avez-vous réussi à joindre l'administration ?",
                List.of(new Charts.Bar("Oui", s.reachedYes()), new Charts.Bar("Non", s.reachedNo()))));
        html.append(Charts.bars("Qualité de l'aide (1 : très mauvaise, 5 : excellente)", scale(s.helpQuality())));
        html.append("</div>");

        html.append("<h2>Évolution mensuelle</h2><div class=\"trends\">");
        html.append(Charts.trend("trend-satisfaction", "Satisfaction par mois (sur 10)", "Satisfaction sur 10",
                points(s.byMonth(), g -> g.satisfaction().score()), 10));
        html.append(Charts.trend("trend-clarity", "Clarté par mois (sur 10)", "Clarté sur 10", points(s.byMonth(), g -> g.clarity().score()), 10));
        html.append(Charts.trend("trend-reached", "Aide obtenue par mois (%)", "Aide obtenue en %", points(s.byMonth(), g -> g.helpReached().percent()), 100));
        html.append(Charts.trend("trend-quality", "Qualité de l'aide par mois (sur 10)", "Qualité sur 10", points(s.byMonth(), g -> g.helpQuality().score()), 10));
        html.append(Charts.trend("trend-autonomy", "Autonomie par mois (sur 10)", "Autonomie sur 10", points(s.byMonth(), g -> g.autonomy().score()), 10));
        html.append("</div>");
        return html.append(locations(service, f, s.byLocation())).toString();
    }

    private String locations(Service service, Filters f, List<Indicators> groups) {
        Comparator<Indicators> order = switch (f.sort()) {
            case "avis" -> Comparator.comparingLong(Indicators::answers);
            case "satisfaction" -> Comparator.comparing(g -> g.satisfaction().score(), Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> Comparator.comparing(g -> places.of(service, null, g.location()), BY_NAME);
        };
        List<Indicators> sorted = new ArrayList<>(groups);
        sorted.sort(f.descending() ? order.reversed() : order);
        // staff see every score, even under 100 answers: the level says it is not an official one
        List<ScoreTable.Row> rows = sorted.stream().map(g -> new ScoreTable.Row(places.of(service, null, g.location()), g.location(), null,
                g.answers(), g.satisfaction().score(), g.satisfaction().level())).toList();
        String caption = "Indicateurs par lieu, triés par "
                + switch (f.sort()) { case "avis" -> "nombre d'avis"; case "satisfaction" -> "satisfaction"; default -> "lieu"; }
                + (f.descending() ? " (décroissant)" : " (croissant)");
        return "<h2>Par lieu</h2>" + ScoreTable.render(caption, "Lieu", "Satisfaction (sur 10)", rows,
                new ScoreTable.Sorting(sortable(service, f, "lieu"), sortable(service, f, "avis"), sortable(service, f, "satisfaction")));
    }

    /** A column header's link that sorts the table by {@code key}: the other way round when it sorts by it already. */
    private static ScoreTable.SortLink sortable(Service service, Filters f, String key) {
        boolean current = f.sort().equals(key);
        boolean nextDescending = current && !f.descending();
        String href = ServiceTabs.path(service.id(), ServiceTabs.DASHBOARD) + f.query(true) + "&tri=" + key + "&ordre=" + (nextDescending ? "desc" : "asc");
        return new ScoreTable.SortLink(href, current ? (f.descending() ? "descending" : "ascending") : null, nextDescending);
    }

    private static List<Charts.Bar> scale(long[] counts) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) bars.add(new Charts.Bar(String.valueOf(i + 1), counts[i]));
        return bars;
    }

    private static List<Charts.Point> points(List<Indicators> months, Function<Indicators, java.math.BigDecimal> value) {
        return months.stream().map(g -> new Charts.Point(g.period(), value.apply(g))).toList();
    }

    /** Place names in French dictionary order: "Évry" beside "Eaubonne", not after "Z". */
    private static final Comparator<Object> BY_NAME = Collator.getInstance(Locale.FRENCH);

    /** "Lyon (69123)" where a select can hold nothing but text; "" is the service as a whole. */
    private String locationName(Service service, String location) {
        String name = places.of(service, null, location);
        return name.equals(location) || location.isEmpty() ? name : name + " (" + location + ")";
    }
}
