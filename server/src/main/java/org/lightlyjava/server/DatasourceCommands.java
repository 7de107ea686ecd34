package org.lightlyjava.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lightlyjava.api.client.ApiException;
import org.lightlyjava.api.client.LightlyClient;
import org.lightlyjava.api.model.ApiJson;
import org.lightlyjava.api.model.DatasourceConfig;
import org.lightlyjava.api.model.DatasourceConfigVerifyData;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lightly-server datasource set|show|verify|remove}: configure, check and remove a dataset's
 * datasource over HTTP, on this server or any other speaking Lightly's API. The secret access key
 * comes from a file or the environment, never from the command line.
 */
final class DatasourceCommands {

    static final String SECRET_ENV = "LIGHTLY_S3_SECRET_ACCESS_KEY";

    private DatasourceCommands() {}

    @Command(
            name = "datasource",
            description = "Configure and check a dataset's datasource (S3 or a local folder).",
            mixinStandardHelpOptions = true)
    static final class Group implements Callable<Integer> {
        private final CommandEnv env;

        Group(CommandEnv env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            env.err()
                    .println(
                            "lightly-server datasource: name a subcommand: set, show, verify or"
                                    + " remove");
            return ExitCode.USAGE.code();
        }
    }

    @Command(
            name = "set",
            description =
                    "Store the dataset's datasource. Without a new secret (--secret-key-file or $"
                            + SECRET_ENV
                            + ") the stored one is kept.",
            mixinStandardHelpOptions = true)
    static final class Set implements Callable<Integer> {
        @Mixin ClientOptions client = new ClientOptions();

        @ArgGroup(multiplicity = "1")
        Where where;

        static final class Where {
            @Option(names = "--s3", paramLabel = "S3_URL", description = "s3://bucket/prefix/")
            String s3;

            @Option(
                    names = "--local",
                    paramLabel = "DIR",
                    description = "A folder relative to the server's --local-root.")
            String local;

            @Option(
                    names = "--azure",
                    paramLabel = "CONTAINER_PATH",
                    description = "An Azure Blob Storage container and prefix: container/prefix/")
            String azure;

            @Option(names = "--gcs", paramLabel = "GS_URL", description = "gs://bucket/prefix/")
            String gcs;
        }

        @Option(names = "--region", paramLabel = "REGION", description = "Default: us-east-1.")
        String region = "us-east-1";

        @Option(
                names = "--access-key-id",
                paramLabel = "ID",
                description = "The access key id (needed with --s3).")
        String accessKeyId;

        @Option(
                names = "--role-arn",
                paramLabel = "ARN",
                description =
                        "With --s3: delegated access, the IAM role the server assumes through STS"
                                + " with its own AWS credentials (no access key).")
        String roleArn;

        @Option(
                names = "--external-id",
                paramLabel = "ID",
                description = "With --role-arn: the external ID the role's trust policy asks for.")
        String externalId;

        @Option(
                names = "--account-name",
                paramLabel = "NAME",
                description = "With --azure: the storage account.")
        String accountName;

        @Option(
                names = "--gcs-project",
                paramLabel = "PROJECT",
                description = "With --gcs: the Google Cloud project id.")
        String gcsProject;

        @Option(
                names = "--secret-key-file",
                paramLabel = "FILE",
                description =
                        "A file holding the secret: S3's secret access key, Azure's account key or"
                                + " SAS token, or GCS's service-account key file (default: $"
                                + SECRET_ENV
                                + ").")
        Path secretKeyFile;

        @Option(
                names = "--endpoint-url",
                paramLabel = "URL",
                description =
                        "An S3-compatible endpoint (MinIO, S3Proxy, ...; path-style), or with"
                                + " --azure the blob service's URL (Azurite, a sovereign cloud).")
        String endpointUrl;

        @Option(
                names = "--thumb-suffix",
                paramLabel = "SUFFIX",
                description =
                        "Where thumbnails go (default: "
                                + DatasourceConfig.DEFAULT_THUMB_SUFFIX
                                + "); empty for none.")
        String thumbSuffix;

        @Option(
                names = "--purpose",
                paramLabel = "PURPOSE",
                description = "INPUT_OUTPUT (default), INPUT or LIGHTLY.")
        String purpose = "INPUT_OUTPUT";

        @Option(names = "--kms-key", paramLabel = "ARN", description = "A KMS key for S3 writes.")
        String kmsKey;

        private final CommandEnv env;

        Set(CommandEnv env) {
            this.env = env;
        }

        @Override
        public Integer call() throws CommandFailure {
            DatasourceConfig config = config();
            LightlyClient api = client.client(env);
            request(
                    () -> {
                        api.setDatasource(client.dataset, config);
                        return null;
                    });
            if ("INPUT_OUTPUT".equals(purpose)) {
                Show.print(env.out(), request(() -> api.datasource(client.dataset)));
                env.err()
                        .println(
                                "Saved. Check it with: lightly-server datasource verify --dataset "
                                        + client.dataset);
            } else {
                env.out().println("saved the " + purpose + " datasource");
            }
            return ExitCode.OK.code();
        }

        private DatasourceConfig config() throws CommandFailure {
            if (where.local != null) {
                return DatasourceConfig.local(purpose, where.local, thumbSuffix);
            }
            if (where.azure != null) {
                if (accountName == null) {
                    throw new CommandFailure(ExitCode.USAGE, "--azure needs --account-name");
                }
                return DatasourceConfig.azure(
                        purpose, where.azure, thumbSuffix, accountName, secret(), endpointUrl);
            }
            if (where.gcs != null) {
                if (gcsProject == null) {
                    throw new CommandFailure(ExitCode.USAGE, "--gcs needs --gcs-project");
                }
                return DatasourceConfig.gcs(purpose, where.gcs, thumbSuffix, gcsProject, secret());
            }
            if (roleArn != null) {
                if (externalId == null || accessKeyId != null) {
                    throw new CommandFailure(
                            ExitCode.USAGE,
                            "--role-arn needs --external-id, and no --access-key-id");
                }
                return DatasourceConfig.s3Delegated(
                        purpose,
                        where.s3,
                        thumbSuffix,
                        region,
                        kmsKey,
                        endpointUrl,
                        roleArn,
                        externalId);
            }
            if (accessKeyId == null) {
                throw new CommandFailure(ExitCode.USAGE, "--s3 needs --access-key-id");
            }
            return new DatasourceConfig(
                    null,
                    purpose,
                    "S3",
                    where.s3,
                    thumbSuffix,
                    region,
                    accessKeyId,
                    secret(),
                    kmsKey,
                    endpointUrl);
        }

        /** The new secret, or null to keep the stored one. */
        private String secret() throws CommandFailure {
            if (secretKeyFile != null) {
                try {
                    String text = Files.readString(secretKeyFile, StandardCharsets.UTF_8).strip();
                    if (text.isEmpty()) {
                        throw new CommandFailure(ExitCode.CONFIG, secretKeyFile + " is empty");
                    }
                    return text;
                } catch (IOException e) {
                    throw new CommandFailure(
                            ExitCode.CONFIG, "cannot read the secret key file: " + e.getMessage());
                }
            }
            String fromEnv = env.env().get(SECRET_ENV);
            return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
        }
    }

    @Command(
            name = "show",
            description = "Print the dataset's INPUT_OUTPUT datasource (the secret shows as ***).",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Mixin ClientOptions client = new ClientOptions();

        @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
        Format format = Format.text;

        private final CommandEnv env;

        Show(CommandEnv env) {
            this.env = env;
        }

        @Override
        public Integer call() throws CommandFailure {
            LightlyClient api = client.client(env);
            DatasourceConfig config = request(() -> api.datasource(client.dataset));
            if (config == null) {
                throw new CommandFailure(
                        ExitCode.CONFIG,
                        "dataset "
                                + client.dataset
                                + " has no INPUT_OUTPUT datasource (or no such dataset)");
            }
            if (format == Format.json) {
                env.out().println(json(config));
            } else {
                print(env.out(), config);
            }
            return ExitCode.OK.code();
        }

        static void print(PrintWriter out, DatasourceConfig c) {
            line(out, "purpose", c.purpose());
            line(out, "type", c.type());
            line(out, "fullPath", c.fullPath());
            line(
                    out,
                    "thumbSuffix",
                    c.thumbSuffix() == null || c.thumbSuffix().isEmpty()
                            ? "(none: full images are shown)"
                            : c.thumbSuffix());
            line(out, "s3Region", c.s3Region());
            line(out, "s3AccessKeyId", c.s3AccessKeyId());
            line(out, "s3SecretAccessKey", c.s3SecretAccessKey());
            line(out, "s3ARN", c.s3ARN());
            line(out, "s3ExternalId", c.s3ExternalId());
            line(out, "s3EndpointUrl", c.s3EndpointUrl());
            line(out, "s3ServerSideEncryptionKMSKey", c.s3ServerSideEncryptionKMSKey());
            line(out, "accountName", c.accountName());
            line(out, "accountKey", c.accountKey());
            line(out, "azureEndpointUrl", c.azureEndpointUrl());
            line(out, "gcsProjectId", c.gcsProjectId());
            line(out, "gcsCredentials", c.gcsCredentials());
        }

        private static void line(PrintWriter out, String key, String value) {
            if (value != null) {
                out.printf("%-18s %s%n", key, value);
            }
        }
    }

    @Command(
            name = "verify",
            description =
                    "Let the server try the INPUT_OUTPUT datasource's credentials and print the"
                            + " lights List, Read, Write, Overwrite. Exit code 3 when List or Read"
                            + " is red.",
            mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @Mixin ClientOptions client = new ClientOptions();

        @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
        Format format = Format.text;

        private final CommandEnv env;

        Verify(CommandEnv env) {
            this.env = env;
        }

        @Override
        public Integer call() throws CommandFailure {
            LightlyClient api = client.client(env);
            DatasourceConfigVerifyData lights = request(() -> api.verifyDatasource(client.dataset));
            if (format == Format.json) {
                env.out().println(json(lights));
            } else {
                Lights.print(env.out(), lights);
                String delete = lights.errors() == null ? null : lights.errors().get("delete");
                if (delete != null) {
                    env.err().println("warning: " + delete);
                }
            }
            boolean usable = lights.canList() && lights.canRead();
            if (!usable) {
                env.err().println("List and Read must be green for Lightly to use the datasource.");
            }
            return usable ? ExitCode.OK.code() : ExitCode.CONFIG.code();
        }
    }

    @Command(
            name = "remove",
            description =
                    "Remove the dataset's datasource of a purpose. The dataset keeps its samples,"
                            + " tags and embeddings; images then come from what the server holds"
                            + " itself (uploaded thumbnails and images).",
            mixinStandardHelpOptions = true)
    static final class Remove implements Callable<Integer> {
        @Mixin ClientOptions client = new ClientOptions();

        @Option(
                names = "--purpose",
                paramLabel = "PURPOSE",
                description = "INPUT_OUTPUT (default), INPUT or LIGHTLY.")
        String purpose = "INPUT_OUTPUT";

        private final CommandEnv env;

        Remove(CommandEnv env) {
            this.env = env;
        }

        @Override
        public Integer call() throws CommandFailure {
            LightlyClient api = client.client(env);
            request(
                    () -> {
                        api.removeDatasource(client.dataset, purpose);
                        return null;
                    });
            env.out().println("removed the " + purpose + " datasource of " + client.dataset);
            return ExitCode.OK.code();
        }
    }

    /** Output formats. */
    enum Format {
        text,
        json
    }

    interface ApiCall<T> {
        T run();
    }

    static <T> T request(ApiCall<T> call) throws CommandFailure {
        try {
            return call.run();
        } catch (ApiException e) {
            throw new CommandFailure(ExitCode.CONFIG, e.getMessage());
        }
    }

    static String json(Object value) {
        try {
            return ApiJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
