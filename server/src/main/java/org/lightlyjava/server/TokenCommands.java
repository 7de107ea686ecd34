package org.lightlyjava.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.lightlyjava.server.service.Ids;
import org.lightlyjava.server.service.Tokens;
import org.lightlyjava.server.store.Store;
import org.lightlyjava.server.store.StoreException;
import org.lightlyjava.server.store.TokenRecord;
import org.lightlyjava.server.store.UserRecord;
import org.lightlyjava.server.store.jdbi.JdbiStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lightly-server token create|list|revoke}: API tokens, stored as hashes. */
final class TokenCommands {

    private TokenCommands() {}

    @Command(
            name = "token",
            description = "Manage API tokens (only their hashes are stored).",
            mixinStandardHelpOptions = true,
            subcommandsRepeatable = false)
    static final class Group implements Callable<Integer> {
        private final CommandEnv env;

        Group(CommandEnv env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            env.err().println("lightly-server token: name a subcommand: create, list or revoke");
            return ExitCode.USAGE.code();
        }
    }

    static Store open(StoreOptions options, CommandEnv env) throws CommandFailure {
        ServerSettings settings =
                ServerSettings.builder()
                        .dataDir(options.dataDir(env.env()))
                        .database(options.database)
                        .databasePassword(options.password(env.env()))
                        .build();
        try {
            DataDir.prepare(settings.dataDir());
            if (settings.database() == null) {
                DataDir.prepareDatabase(settings.sqliteFile());
            }
            return JdbiStore.open(settings.jdbcUrl(), settings.databasePassword());
        } catch (IOException | StoreException e) {
            throw new CommandFailure(
                    ExitCode.CONFIG, "cannot open the database: " + e.getMessage());
        }
    }

    @Command(
            name = "create",
            description = "Create a token for a user (created if needed) and print it once.",
            mixinStandardHelpOptions = true)
    static final class Create implements Callable<Integer> {
        @Mixin StoreOptions store = new StoreOptions();

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "User name.")
        String user;

        private final CommandEnv env;

        Create(CommandEnv env) {
            this.env = env;
        }

        @Override
        public Integer call() throws CommandFailure {
            if (!org.lightlyjava.server.service.Names.isUser(user)) {
                throw new CommandFailure(
                        ExitCode.USAGE,
                        "user names are a letter or digit, then up to 63 letters, digits or ._@-");
            }
            try (Store opened = open(store, env)) {
                Clock clock = Clock.systemUTC();
                String token =
                        new Tokens(opened.users(), new Ids(clock), clock).issue(user, null).token();
                env.out().println(token);
                env.err()
                        .println(
                                "Token for user '"
                                        + user
                                        + "' created. It is shown only this once: keep it"
                                        + " secret; revoke it with 'lightly-server token revoke'.");
            }
            return ExitCode.OK.code();
        }
    }

    @Command(
            name = "list",
            description = "List tokens: id, user, created, last 4 characters, expiry.",
            mixinStandardHelpOptions = true)
    static final class ListTokens implements Callable<Integer> {
        @Mixin StoreOptions store = new StoreOptions();

        private final CommandEnv env;

        ListTokens(CommandEnv env) {
            this.env = env;
        }

        @Override
        public Integer call() throws CommandFailure {
            try (Store opened = open(store, env)) {
                PrintWriter out = env.out();
                out.printf(
                        "%-24s  %-20s  %-20s  %-8s  %s%n",
                        "ID", "USER", "CREATED", "ENDS", "EXPIRES");
                for (TokenRecord t : opened.users().tokens()) {
                    out.printf(
                            "%-24s  %-20s  %-20s  %-8s  %s%n",
                            t.id(),
                            t.userName(),
                            time(t.createdAt()),
                            "..." + t.last4(),
                            t.expiresAt() == null ? "never" : time(t.expiresAt()));
                }
            }
            return ExitCode.OK.code();
        }

        private static String time(long millis) {
            return Instant.ofEpochMilli(millis).toString().replaceFirst("\\.\\d+Z$", "Z");
        }
    }

    @Command(
            name = "revoke",
            description = "Revoke one token by id, or all tokens of a user.",
            mixinStandardHelpOptions = true)
    static final class Revoke implements Callable<Integer> {
        @Mixin StoreOptions store = new StoreOptions();

        @ArgGroup(multiplicity = "1")
        Target target;

        static final class Target {
            @Parameters(paramLabel = "TOKEN_ID", description = "Id from 'token list'.")
            String id;

            @Option(
                    names = "--user",
                    paramLabel = "NAME",
                    description = "Revoke all of a user's tokens.")
            String user;
        }

        private final CommandEnv env;

        Revoke(CommandEnv env) {
            this.env = env;
        }

        @Override
        public Integer call() throws CommandFailure {
            try (Store opened = open(store, env)) {
                int revoked = target.id != null ? byId(opened) : byUser(opened);
                env.out().println("revoked " + revoked + " token" + (revoked == 1 ? "" : "s"));
            }
            return ExitCode.OK.code();
        }

        private int byId(Store opened) throws CommandFailure {
            if (!opened.users().revokeToken(target.id)) {
                throw new CommandFailure(ExitCode.CONFIG, "no token with id " + target.id);
            }
            return 1;
        }

        private int byUser(Store opened) throws CommandFailure {
            List<UserRecord> users = opened.users().findByName(target.user).stream().toList();
            if (users.isEmpty()) {
                throw new CommandFailure(ExitCode.CONFIG, "no user named " + target.user);
            }
            return opened.users().revokeTokensOf(users.get(0).id());
        }
    }
}
