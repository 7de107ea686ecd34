package org.lightlyjava.server.datasource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lightlyjava.server.blob.SignedUrls;
import org.lightlyjava.server.store.DatasourceRecord;

/**
 * Opens stored datasources and keeps the most recently used ones open (an S3 client holds a
 * connection pool). A changed record is a new entry, so a re-saved datasource never uses old
 * credentials; the secret is decrypted only when a client is built.
 */
public final class Datasources implements AutoCloseable {

    private static final int KEEP_OPEN = 64;

    private final SecretBox secrets;
    private final LocalRoot localRoot;
    private final SignedUrls signedUrls;
    private final S3Clients clients;
    private final Duration timeout;
    private final Duration readTtl;
    private final Duration writeTtl;
    private final EndpointPolicy endpoints;
    private final RoleSessions roles;
    private final URI defaultEndpoint;
    private final Map<DatasourceRecord, Datasource> open = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    /**
     * @param timeout the connect and read timeout towards S3
     * @param endpoints the S3 endpoints datasources may name
     * @param defaultEndpoint the S3 endpoint of datasources that name none, or null for AWS
     * @param stsEndpoint the STS endpoint delegated access assumes roles at, or null for AWS's
     */
    public Datasources(
            SecretBox secrets,
            LocalRoot localRoot,
            SignedUrls signedUrls,
            Duration timeout,
            Duration readTtl,
            Duration writeTtl,
            EndpointPolicy endpoints,
            URI defaultEndpoint,
            URI stsEndpoint) {
        this.secrets = secrets;
        this.localRoot = localRoot;
        this.signedUrls = signedUrls;
        this.clients = new S3Clients(timeout);
        this.timeout = timeout;
        this.readTtl = readTtl;
        this.writeTtl = writeTtl;
        this.endpoints = endpoints;
        this.roles = new RoleSessions(stsEndpoint, timeout);
        this.defaultEndpoint = defaultEndpoint;
    }

    public SecretBox secrets() {
        return secrets;
    }

    public LocalRoot localRoot() {
        return localRoot;
    }

    public EndpointPolicy endpoints() {
        return endpoints;
    }

    /** The secret's associated data: a sealed secret opens only in its own dataset and purpose. */
    public static String secretContext(String datasetId, String purpose) {
        return "lightly-server datasource " + datasetId + "/" + purpose;
    }

    /**
     * The datasource of a record, opened once and reused.
     *
     * @throws DatasourceException CREDENTIALS when the stored secret does not decrypt
     */
    public synchronized Datasource open(DatasourceRecord record) {
        if (closed) {
            throw new IllegalStateException("the server is stopping");
        }
        Datasource datasource = open.get(record);
        if (datasource == null) {
            datasource = create(record);
            open.put(record, datasource);
            evict();
        }
        return datasource;
    }

    private Datasource create(DatasourceRecord r) {
        if (DatasourceConfigs.LOCAL.equals(r.type())) {
            return new LocalDatasource(
                    localRoot, r.fullPath(), r.datasetId(), r.purpose(), signedUrls);
        }
        if (DatasourceConfigs.AZURE.equals(r.type()) || DatasourceConfigs.GCS.equals(r.type())) {
            return cloud(r);
        }
        if (r.s3EndpointUrl() != null) {
            // checked when stored, and again now: the policy or the name's addresses may change
            endpoints.check(r.s3EndpointUrl());
        }
        if (DatasourceConfigs.S3_DELEGATED.equals(r.type())) {
            return delegated(r);
        }
        String secret = secrets.open(r.s3SecretSealed(), secretContext(r.datasetId(), r.purpose()));
        S3Settings settings =
                new S3Settings(
                        S3Location.parse(r.fullPath()),
                        r.s3Region(),
                        r.s3AccessKeyId(),
                        secret,
                        endpoint(r),
                        r.s3KmsKey());
        return new S3Datasource(settings, clients, readTtl, writeTtl);
    }

    /** AZURE and GCS keep account or project, secret and endpoint in S3's columns. */
    private Datasource cloud(DatasourceRecord r) {
        String secret = secrets.open(r.s3SecretSealed(), secretContext(r.datasetId(), r.purpose()));
        if (DatasourceConfigs.GCS.equals(r.type())) {
            return GcsDatasource.open(
                    r.fullPath(), r.s3AccessKeyId(), secret, timeout, readTtl, writeTtl);
        }
        if (r.s3EndpointUrl() != null) {
            endpoints.check(r.s3EndpointUrl());
        }
        return AzureDatasource.open(
                r.fullPath(),
                r.s3AccessKeyId(),
                secret,
                r.s3EndpointUrl(),
                timeout,
                readTtl,
                writeTtl);
    }

    /** The session of the role is assumed on first use, and renewed before it ends. */
    private Datasource delegated(DatasourceRecord r) {
        RoleSessions.Session session =
                roles.assume(
                        r.s3Region(),
                        r.s3RoleArn(),
                        r.s3ExternalId(),
                        "lightly-server-" + r.datasetId());
        S3Settings settings =
                new S3Settings(
                        S3Location.parse(r.fullPath()),
                        r.s3Region(),
                        null,
                        null,
                        endpoint(r),
                        r.s3KmsKey(),
                        r.s3RoleArn(),
                        session);
        return new S3Datasource(settings, clients, readTtl, writeTtl, session);
    }

    /** The datasource's own endpoint, else the server's (set by its administrator: not checked). */
    private URI endpoint(DatasourceRecord r) {
        return r.s3EndpointUrl() == null ? defaultEndpoint : URI.create(r.s3EndpointUrl());
    }

    /** Closes the opened datasource of a record that was removed (its client, its session). */
    public synchronized void forget(DatasourceRecord record) {
        Datasource datasource = open.remove(record);
        if (datasource != null) {
            close(datasource);
        }
    }

    private void evict() {
        List<Datasource> gone = new ArrayList<>();
        var it = open.entrySet().iterator();
        while (open.size() > KEEP_OPEN && it.hasNext()) {
            gone.add(it.next().getValue());
            it.remove();
        }
        gone.forEach(Datasources::close);
    }

    private static void close(Datasource datasource) {
        if (datasource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                S3Clients.LOG.debug("closing a datasource failed: {}", e.toString());
            }
        }
    }

    /** Closes every open client. */
    @Override
    public synchronized void close() {
        closed = true;
        open.values().forEach(Datasources::close);
        open.clear();
        roles.close();
    }
}
