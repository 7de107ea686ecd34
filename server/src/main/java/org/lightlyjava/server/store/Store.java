package org.lightlyjava.server.store;

/** The database of one server; {@link #close()} releases its connections. */
public interface Store extends AutoCloseable {

    UserStore users();

    DatasetStore datasets();

    SampleStore samples();

    TagStore tags();

    EmbeddingStore embeddings();

    DatasourceStore datasources();

    MetaDataConfigStore metaDataConfigs();

    ShareStore shares();

    ScoreStore scores();

    PredictionTaskStore predictionTasks();

    SamplePredictionStore samplePredictions();

    /** {@code sqlite} or {@code postgresql}. */
    String vendor();

    @Override
    void close();
}
