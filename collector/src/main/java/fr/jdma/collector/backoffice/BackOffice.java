package fr.jdma.collector.backoffice;

import fr.jdma.collector.access.AdminAccess;
import fr.jdma.collector.access.AnalystTokens;
import fr.jdma.collector.access.Csrf;
import fr.jdma.collector.access.StaffSessions;
import fr.jdma.collector.catalogue.RefusedOrigins;
import fr.jdma.collector.catalogue.ServiceCatalogue;
import fr.jdma.collector.export.ExportController;
import fr.jdma.collector.moderation.Moderation;
import fr.jdma.collector.results.PlaceNames;
import fr.jdma.collector.stats.Activity;
import fr.jdma.collector.stats.AnswerBreakdown;
import fr.jdma.collector.stats.Statistics;
import fr.jdma.collector.stats.StatsController;
import fr.jdma.collector.storage.Database;
import fr.jdma.collector.web.Forwarded;
import fr.jdma.collector.web.Page;
import fr.jdma.collector.widget.WidgetAssets;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.time.Clock;

/**
 * The back office under /admin: French pages for the people behind the button, served by the
 * collector itself, usable without JavaScript. Wires its door ({@link StaffGate}) and its pages.
 */
public final class BackOffice {

    /** What the back office reads and changes: the same parts the APIs use. */
    public record Parts(Database database, Clock clock, AdminAccess admin, AnalystTokens tokens, ServiceCatalogue catalogue,
                        RefusedOrigins refusedOrigins, Statistics statistics, PlaceNames placeNames, ExportController exports, StatsController stats,
                        Moderation moderation, WidgetAssets widget, Forwarded forwarded) {
    }

    private final SignIn signIn;
    private final ServicePages services;
    private final DashboardPage dashboard;
    private final TokensPage tokens;
    private final CommentsPage comments;

    public BackOffice(Parts p) {
        StaffGate gate = new StaffGate(new StaffSessions(p.database(), p.clock(), p.admin(), p.tokens()), Csrf.open(p.database()), p.forwarded());
        this.signIn = new SignIn(gate, p.forwarded(), p.clock());
        this.services = new ServicePages(gate, p.catalogue(), p.refusedOrigins(), p.statistics(), new Activity(p.database()), p.widget(), p.forwarded(), p.clock());
        this.dashboard = new DashboardPage(gate, services, p.refusedOrigins(), new AnswerBreakdown(p.database()), p.statistics(),
                p.placeNames(), p.exports(), p.stats(), p.clock());
        this.tokens = new TokensPage(gate, p.tokens(), p.catalogue());
        this.comments = new CommentsPage(gate, services, p.moderation());
    }

    public void routes(JavalinConfig config) {
        config.routes.exception(Refusal.class, (e, ctx) -> Page.message(e.title(), e.getMessage()).send(ctx, e.status()));
        config.routes.exception(StaffGate.SignedOut.class, (e, ctx) -> redirect(ctx, StaffGate.SIGN_IN));
        signIn.routes(config);
        // Fixed paths before /admin/services/{id}: "nouveau" is a page, not a service (ServiceParser reserves the id).
        services.routes(config);
        dashboard.routes(config);
        comments.routes(config);
        tokens.routes(config);
    }

    /** 303 See Other: after a form, the browser GETs the next page (a reload never posts twice). */
    static void redirect(Context ctx, String path) {
        ctx.status(303).header("Location", path).header("Cache-Control", "no-store");
    }
}
