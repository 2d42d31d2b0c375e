package fr.jdma.collector.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.io.PrintStream;
import java.time.Instant;

/** A logger of one name at one level, writing each event as one line (see {@link LineFormat}). */
final class JdmaLogger extends LegacyAbstractLogger {

    private final int threshold;
    private final LineFormat format;
    private final java.util.function.Supplier<PrintStream> out;

    JdmaLogger(String name, Level level, LineFormat format, java.util.function.Supplier<PrintStream> out) {
        this.name = name;
        this.threshold = level.toInt();
        this.format = format;
        this.out = out;
    }

    @Override
    public boolean isTraceEnabled() {
        return threshold <= Level.TRACE.toInt();
    }

    @Override
    public boolean isDebugEnabled() {
        return threshold <= Level.DEBUG.toInt();
    }

    @Override
    public boolean isInfoEnabled() {
        return threshold <= Level.INFO.toInt();
    }

    @Override
    public boolean isWarnEnabled() {
        return threshold <= Level.WARN.toInt();
    }

    @Override
    public boolean isErrorEnabled() {
        return threshold <= Level.ERROR.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable error) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        String line = format.line(Instant.now(), level, name, Thread.currentThread().getName(), message, error);
        PrintStream stream = out.get();
        stream.print(line);  // one write per event: lines of concurrent threads never interleave
        stream.flush();
    }
}
