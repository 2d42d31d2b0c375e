package fr.jdma.collector.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The connection pool, the migrated schema and the jOOQ context every feature queries through. */
public final class Database implements AutoCloseable {

    static {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private Database(Dialect dialect, HikariDataSource dataSource) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.dsl = DSL.using(dataSource, dialect.jooq(), new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false));
    }

    public static Database open(String url, String user, String password) {
        Dialect dialect = Dialect.of(url);
        try {
            dialect.createParentFolder(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the database " + url, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dialect.prepareUrl(url));
        if (!user.isEmpty()) config.setUsername(user);
        if (!password.isEmpty()) config.setPassword(password);
        config.setMaximumPoolSize(dialect.poolSize());
        config.setPoolName("jdma");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dialect, dataSource);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** True when the database answers a trivial query. */
    public boolean isReachable() {
        try {
            return dsl.selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
