package fr.jdma.collector.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Our SLF4J backend: one line per event on standard error, plain text or JSON
 * (JDMA_LOG_FORMAT=json for log collectors), levels from logging.properties. A few classes
 * instead of a logging framework keep the jar small.
 */
public final class LogProvider implements SLF4JServiceProvider {

    private ILoggerFactory factory;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        factory = new LogLevels(System.getenv(), () -> System.err).factory();
    }
}
