package fr.jdma.collector.backup;

import fr.jdma.collector.web.HttpProblem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * GET /api/v1/admin/backup (admin token): a consistent copy of the running embedded database,
 * as a download. The {@code backup} command of the jar calls it: only the running collector can
 * read an H2 file it holds, and the copy reaches the administrator wherever the command runs.
 */
public final class BackupController {

    public static final String PATH = "/api/v1/admin/backup";

    private final Snapshots snapshots;
    private final Clock clock;

    public BackupController(Snapshots snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    public void routes(JavalinConfig config) {
        config.routes.get(PATH, this::download);
    }

    private void download(Context ctx) throws Exception {
        if (!snapshots.supported()) {
            throw new HttpProblem(409, "Conflict", "this collector runs on PostgreSQL: back it up with pg_dump (see the README)");
        }
        Path file = snapshots.temporaryFile();
        try {
            long size = snapshots.writeTo(file, "download");
            ctx.header("Cache-Control", "no-store")
                    .header("Content-Disposition", "attachment; filename=\"" + snapshots.fileName(clock.instant()) + "\"")
                    .header("Content-Length", Long.toString(size))
                    .contentType(snapshots.extension().equals("zip") ? "application/zip" : "application/vnd.sqlite3")
                    .result(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE));
        } catch (RuntimeException e) {
            Snapshots.deleteQuietly(file);
            throw e;
        }
    }
}
