package org.lightlyjava.server.store.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.lightlyjava.server.store.DatasetStore;
import org.lightlyjava.server.store.DatasourceStore;
import org.lightlyjava.server.store.EmbeddingStore;
import org.lightlyjava.server.store.MetaDataConfigStore;
import org.lightlyjava.server.store.PredictionTaskStore;
import org.lightlyjava.server.store.SamplePredictionStore;
import org.lightlyjava.server.store.SampleStore;
import org.lightlyjava.server.store.ScoreStore;
import org.lightlyjava.server.store.ShareStore;
import org.lightlyjava.server.store.Store;
import org.lightlyjava.server.store.StoreException;
import org.lightlyjava.server.store.TagStore;
import org.lightlyjava.server.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The store over a SQLite file or a PostgreSQL database, migrated to the current schema. */
public final class JdbiStore implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiStore.class);
    private static final String MIGRATIONS = "classpath:org/lightlyjava/server/store/migration";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean sqlite;
    private final UserStore users;
    private final DatasetStore datasets;
    private final SampleStore samples;
    private final TagStore tags;
    private final EmbeddingStore embeddings;
    private final DatasourceStore datasources;
    private final MetaDataConfigStore metaDataConfigs;
    private final ShareStore shares;
    private final ScoreStore scores;
    private final PredictionTaskStore predictionTasks;
    private final SamplePredictionStore samplePredictions;

    private JdbiStore(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.sqlite = sqlite;
        this.users = new JdbiUsers(jdbi);
        this.datasets = new JdbiDatasets(jdbi);
        this.samples = new JdbiSamples(this);
        this.tags = new JdbiTags(jdbi);
        this.embeddings = new JdbiEmbeddings(jdbi);
        this.datasources = new JdbiDatasources(jdbi);
        this.metaDataConfigs = new JdbiMetaDataConfigs(jdbi);
        this.shares = new JdbiShares(jdbi);
        this.scores = new JdbiScores(jdbi);
        this.predictionTasks = new JdbiPredictionTasks(jdbi);
        this.samplePredictions = new JdbiSamplePredictions(jdbi);
    }

    /**
     * Opens the database at {@code jdbcUrl} ({@code jdbc:sqlite:/path/file.db} or {@code
     * jdbc:postgresql://...}) and migrates it.
     *
     * @throws StoreException when it cannot be opened or migrated; the message names the cause,
     *     never a password
     */
    public static JdbiStore open(String jdbcUrl) {
        return open(jdbcUrl, null);
    }

    /**
     * Opens the database with a password kept out of the URL (null: the URL's, else PostgreSQL's
     * password file {@code ~/.pgpass} or {@code $PGPASSFILE}, which the driver reads).
     */
    public static JdbiStore open(String jdbcUrl, String password) {
        boolean sqlite = DataSources.isSqlite(jdbcUrl);
        HikariDataSource dataSource = DataSources.pool(jdbcUrl, password);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .javaMigrations(new SampleMetricsMigration(), new DelegatedAccessMigration())
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate the database: " + rootMessage(e), e);
        }
        LOG.debug("database open: {}", sqlite ? "sqlite" : "postgresql");
        return new JdbiStore(dataSource, sqlite);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    boolean sqlite() {
        return sqlite;
    }

    /** Runs a long read that answers a value; see {@link #streamRead}. */
    <T> T read(Function<Handle, T> read) {
        return sqlite ? jdbi.withHandle(read::apply) : jdbi.inTransaction(read::apply);
    }

    /**
     * Runs a long read. PostgreSQL streams rows through a cursor only inside a transaction; SQLite
     * must not hold a write transaction for it (its transactions start immediately).
     */
    void streamRead(Consumer<Handle> read) {
        if (sqlite) {
            jdbi.useHandle(read::accept);
        } else {
            jdbi.useTransaction(read::accept);
        }
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public DatasetStore datasets() {
        return datasets;
    }

    @Override
    public SampleStore samples() {
        return samples;
    }

    @Override
    public TagStore tags() {
        return tags;
    }

    @Override
    public EmbeddingStore embeddings() {
        return embeddings;
    }

    @Override
    public DatasourceStore datasources() {
        return datasources;
    }

    @Override
    public MetaDataConfigStore metaDataConfigs() {
        return metaDataConfigs;
    }

    @Override
    public ShareStore shares() {
        return shares;
    }

    @Override
    public ScoreStore scores() {
        return scores;
    }

    @Override
    public PredictionTaskStore predictionTasks() {
        return predictionTasks;
    }

    @Override
    public SamplePredictionStore samplePredictions() {
        return samplePredictions;
    }

    @Override
    public String vendor() {
        return sqlite ? "sqlite" : "postgresql";
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
