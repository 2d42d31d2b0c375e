package fr.jdma.collector;

import fr.jdma.collector.backup.BackupCommand;
import fr.jdma.collector.backup.RestoreCommand;
import fr.jdma.collector.migrate.MigrateCommand;
import fr.jdma.collector.ops.TrainCommand;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The administrator's commands of the jar: {@code java -jar jdma-collector.jar backup|restore|migrate|train …}. */
final class Commands {

    static final String USAGE = """
            usage: java -jar jdma-collector.jar                 start the collector (configured by JDMA_* variables)
                   java -jar jdma-collector.jar backup DEST [--collector URL]
                   java -jar jdma-collector.jar restore BACKUP [--force]
                   java -jar jdma-collector.jar migrate --from URL --to URL
                   java -XX:ArchiveClassesAtExit=FILE.jsa -jar jdma-collector.jar train
                                                                start on a temporary database, exercise, exit (the class archive)""";

    private Commands() {
    }

    /** Runs one command; returns the process exit code (0 done, 1 failed, 2 wrong usage). */
    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> args = Arrays.asList(argv).subList(1, argv.length);
        try {
            return switch (argv[0]) {
                case "backup" -> BackupCommand.run(args, env, out);
                case "restore" -> RestoreCommand.run(args, env, out);
                case "migrate" -> MigrateCommand.run(args, env, out);
                case "train" -> TrainCommand.run(args, out);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("unknown command '" + argv[0] + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getCause().getMessage());
            return 1;
        } catch (Exception e) {
            err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }
}
