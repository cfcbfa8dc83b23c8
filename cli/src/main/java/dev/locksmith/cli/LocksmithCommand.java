package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code locksmith} command: delegated password administration from a shell, over the real adapters
 * (embedded H2 or a JDBC database, SMTP mail, LDIF security providers, Argon2id, the screening adapters).
 * Every subcommand acts as the user named by {@code --as}, whose permissions the library checks; passwords
 * come from the terminal without echo or from standard input, never from an argument. Exit codes are listed
 * in {@link ExitCode}. Global settings come from options, environment variables or a settings file
 * ({@link StoreSettings}). Only {@code init} creates an embedded store (and the demo jar's {@code demo}, which
 * that jar's {@code DemoMain} adds through {@link #LocksmithCommand(Environment, Map)}); a second command on the
 * same store waits for the first. One instance per execution;
 * not thread-safe.
 */
@Command(
        name = "locksmith",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        version = "Locksmith 0.1.0-SNAPSHOT",
        description = "Delegated password administration: search users, set and reset passwords, unlock accounts, "
                + "administer users and the password policy, read the audit trail. Every command acts as the user "
                + "named by --as, whose permissions Locksmith checks. Passwords are read from the terminal without "
                + "echo, or one per line from standard input with --password-stdin; never from an argument.",
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%n",
        footer = {
            "Global options go before the command: locksmith --data DIR search --as admin",
            "Start with: locksmith init --admin USERNAME",
            "See it all at work: java -jar locksmith-demo.jar demo (the demo module's jar)"
        })
public final class LocksmithCommand implements java.util.concurrent.Callable<Integer> {
    /**
     * The built-in subcommands, by name, in the order help lists them. Added to the command line
     * programmatically, so that a run builds the model of the one command it runs (see
     * {@link #commandLine(LocksmithCommand, String[])}).
     */
    private static final Map<String, Class<?>> BUILT_IN = builtIn();
    /** Global options that take a value (to find the command's name among the arguments). */
    private static final java.util.Set<String> VALUED_OPTIONS = java.util.Set.of(
            "--data",
            "--jdbc-url",
            "--jdbc-user",
            "--jdbc-schema",
            "--table-prefix",
            "--mail-config",
            "--provider",
            "--ldap",
            "--config");

    private static Map<String, Class<?>> builtIn() {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        map.put("init", InitCommand.class);
        map.put("search", SearchCommand.class);
        map.put("form", FormCommand.class);
        map.put("set-password", SetPasswordCommand.class);
        map.put("require-change", RequireChangeCommand.class);
        map.put("reset", ResetCommand.class);
        map.put("passwd", PasswdCommand.class);
        map.put("login", LoginCommand.class);
        map.put("user", UserCommand.class);
        map.put("policy", PolicyCommand.class);
        map.put("audit", AuditCommand.class);
        map.put("mail", MailCommand.class);
        map.put("provider", ProviderCommand.class);
        map.put("serve", ServeCommand.class);
        return Collections.unmodifiableMap(map);
    }

    /** Held strongly: java.util.logging keeps loggers weakly, and a collected one would lose its level. */
    private static final Logger LOCKSMITH_LOGGER = Logger.getLogger("dev.locksmith");

    private final Environment environment;
    /** Every subcommand of this command line: the built-in ones, the extra ones, then {@code help}. */
    private final Map<String, Class<?>> commands;

    private PasswordInput passwords;
    private Wiring.Store store;
    private java.time.Duration lockWait = Wiring.Store.Embedded.DEFAULT_LOCK_WAIT;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            scope = ScopeType.LOCAL,
            description = "Folder of the embedded H2 store (default: " + StoreSettings.DEFAULT_DATA + "; env "
                    + "LOCKSMITH_DATA). Only init (and the demo jar's demo) creates a store; other commands refuse a folder "
                    + "without one.")
    Path data;

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            scope = ScopeType.LOCAL,
            description = "A database instead of the embedded one, e.g. jdbc:postgresql://localhost:5432/appliance "
                    + "(env LOCKSMITH_JDBC_URL). PostgreSQL and H2 URLs are supported.")
    String jdbcUrl;

    @Option(
            names = "--jdbc-user",
            paramLabel = "USER",
            scope = ScopeType.LOCAL,
            description = "Database user for --jdbc-url (env LOCKSMITH_JDBC_USER). Its password is taken from the "
                    + "environment variable " + Environment.JDBC_PASSWORD_VARIABLE + ", else asked at the terminal "
                    + "(without echo), else none.")
    String jdbcUser;

    @Option(
            names = "--jdbc-schema",
            paramLabel = "SCHEMA",
            scope = ScopeType.LOCAL,
            description = "Schema of Locksmith's tables in the --jdbc-url database (env LOCKSMITH_JDBC_SCHEMA; "
                    + "default: the connection's).")
    String jdbcSchema;

    @Option(
            names = "--table-prefix",
            paramLabel = "PREFIX",
            scope = ScopeType.LOCAL,
            description = "Prefix of Locksmith's table names in the --jdbc-url database (env LOCKSMITH_TABLE_PREFIX; "
                    + "default: locksmith_).")
    String tablePrefix;

    @Option(
            names = "--mail-config",
            paramLabel = "FILE",
            scope = ScopeType.LOCAL,
            description = "SMTP settings (a properties file: from, host, login-url, port, encryption, username, "
                    + "password-env, ...; see the README; env LOCKSMITH_MAIL_CONFIG). Without it mail is off and "
                    + "--email is refused.")
    Path mailConfig;

    @Option(
            names = "--provider",
            paramLabel = "NAME:KIND:FILE",
            scope = ScopeType.LOCAL,
            description = "A security provider whose users' passwords live elsewhere: its name, its kind (ldap, "
                    + "active-directory, radius, kerberos, saml) and an LDIF file of its directory. Repeatable; "
                    + "the first that claims a username wins (env LOCKSMITH_PROVIDERS, comma-separated).")
    List<String> providers = new ArrayList<>();

    @Option(
            names = LdapProviderConfig.OPTION,
            paramLabel = "NAME:FILE",
            scope = ScopeType.LOCAL,
            description = "A security provider backed by a live LDAP or Active Directory server: its name and a "
                    + "properties file of its settings (url, bind-dn, bind-password-file or bind-password-env, "
                    + "base-dn, user-filter, ...; see the README). Repeatable; consulted after the --provider ones.")
    List<String> ldapProviders = new ArrayList<>();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.LOCAL,
            description = "A settings file (properties: data, jdbc-url, jdbc-user, jdbc-schema, table-prefix, "
                    + "mail-config, providers; env " + StoreSettings.CONFIG_VARIABLE + "). Command-line options win "
                    + "over environment variables, which win over the file.")
    Path config;

    @Option(
            names = "--debug",
            scope = ScopeType.LOCAL,
            description = "Log in detail to standard error, and print the stack trace of an unexpected error.")
    boolean debug;

    /** A command reading from the real process: see {@link Environment#system()}. */
    public LocksmithCommand() {
        this(Environment.system());
    }

    /** A command reading from the given environment (tests). */
    public LocksmithCommand(Environment environment) {
        this(environment, Map.of());
    }

    /**
     * A command reading from the given environment, with {@code extra} subcommands (picocli {@code @Command}
     * classes, by name) listed after the built-in ones: the demo jar's {@code DemoMain} adds {@code demo} so.
     */
    LocksmithCommand(Environment environment, Map<String, Class<?>> extra) {
        this.environment = Objects.requireNonNull(environment, "environment");
        Map<String, Class<?>> all = new LinkedHashMap<>(BUILT_IN);
        extra.forEach((name, type) -> {
            if (all.putIfAbsent(name, type) != null) {
                throw new IllegalArgumentException("two commands named " + name);
            }
        });
        all.put("help", CommandLine.HelpCommand.class);
        this.commands = Collections.unmodifiableMap(all);
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        exit(new LocksmithCommand(), args);
    }

    /** Runs {@code command} on {@code args} and exits the JVM with its code. */
    static void exit(LocksmithCommand command, String[] args) {
        int code = commandLine(command, args).execute(args);
        System.exit(code);
    }

    /**
     * The picocli command line for {@code command}, with the exit codes and error handling a script relies
     * on: expected errors print their reason and never a stack trace.
     */
    public static CommandLine commandLine(LocksmithCommand command) {
        return commandLine(command, command.commands.keySet());
    }

    /**
     * The command line for running {@code args}: with only the subcommand they name, when they name one (its
     * model is all a run needs, and building every command's costs start-up time), else with all (for the
     * usage, help and suggestions for a mistyped name).
     */
    public static CommandLine commandLine(LocksmithCommand command, String[] args) {
        return commandLine(
                command,
                command.named(args)
                        .<java.util.Collection<String>>map(java.util.List::of)
                        .orElse(command.commands.keySet()));
    }

    /** The subcommand named by the first argument that is neither a global option nor its value. */
    Optional<String> named(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (VALUED_OPTIONS.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return commands.containsKey(arg) && !arg.equals("help")
                        ? Optional.of(arg)
                        : arg.equals("unlock") ? Optional.of("reset") : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static CommandLine commandLine(LocksmithCommand command, java.util.Collection<String> names) {
        CommandLine line = new CommandLine(command);
        for (String name : names) {
            line.addSubcommand(command.commands.get(name));
        }
        // No @file expansion: an argument such as a username "@/etc/secret" must stay text, not become the
        // file's lines (echoed back in a usage error).
        line.setExpandAtFiles(false);
        line.setExecutionExceptionHandler(new ErrorReport());
        line.setParameterExceptionHandler(new UsageErrorReport());
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpMap());
        for (CommandLine sub : line.getSubcommands().values()) {
            inheritExitCodes(sub);
        }
        return line;
    }

    private static void inheritExitCodes(CommandLine line) {
        line.getCommandSpec().usageMessage().exitCodeList(ExitCode.helpMap());
        line.getSubcommands().values().forEach(LocksmithCommand::inheritExitCodes);
    }

    @Override
    public Integer call() {
        // No command: say what there is, as a usage error (a script calling it so has a bug).
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }

    Environment environment() {
        return environment;
    }

    boolean debug() {
        return debug;
    }

    /** The password reader of this execution (it keeps its place in standard input). */
    PasswordInput passwords() {
        if (passwords == null) {
            passwords = new PasswordInput(environment);
        }
        return passwords;
    }

    /**
     * Wires Locksmith as the global options say.
     *
     * @throws InvalidInputException for bad options, a malformed mail config or LDIF file
     * @throws dev.locksmith.core.domain.UnavailableException when the database cannot be reached
     */
    Session openSession() {
        return openSession(false);
    }

    /**
     * Wires Locksmith as the global settings say.
     *
     * @param create whether a missing embedded store may be created ({@code init})
     * @throws InvalidInputException for bad options, a malformed mail config or LDIF file, or (unless
     *     {@code create}) a data folder without a store
     * @throws dev.locksmith.core.domain.UnavailableException when the database cannot be reached
     */
    Session openSession(boolean create) {
        configureLogging();
        StoreSettings settings = settings();
        List<ProviderSpec> specs =
                settings.providers().stream().map(ProviderSpec::parse).toList();
        MailConfig mail = settings.mailConfig()
                .map(file -> MailConfig.load(file, environment::variable))
                .orElseGet(MailConfig::off);
        Optional<char[]> password = Optional.empty();
        if (settings.jdbcUrl().isPresent()) {
            String url = settings.jdbcUrl().get();
            String kind = DatabaseErrors.kind(url);
            if (!kind.equals("postgresql") && !kind.equals("h2")) {
                throw new InvalidInputException(
                        "--jdbc-url",
                        "unsupported database '" + kind + "': Locksmith stores "
                                + "its data in PostgreSQL (jdbc:postgresql://HOST:PORT/DB) or H2 (jdbc:h2:...)");
            }
            Optional<String> user = settings.jdbcUser();
            if (user.isPresent()) {
                password = environment
                        .variable(Environment.JDBC_PASSWORD_VARIABLE)
                        .map(String::toCharArray)
                        .or(() -> environment
                                .terminal()
                                .map(t -> t.readPassword("Password of database user " + user.get() + ": ")));
            }
            store = new Wiring.Store.Jdbc(url, user, password, settings.schema(), settings.tablePrefix());
        } else {
            if (jdbcUser != null) {
                throw new InvalidInputException("--jdbc-user", "needs --jdbc-url");
            }
            store = new Wiring.Store.Embedded(settings.data(), create, lockWait);
        }
        try {
            return Wiring.open(
                    new Wiring.Settings(
                            store,
                            mail,
                            specs,
                            LdapProviderConfig.load(ldapProviders, environment::variable),
                            Clock.systemUTC()),
                    environment.adapters());
        } catch (InvalidInputException e) {
            throw switch (e.field()) {
                case "schema" ->
                    new InvalidInputException("--jdbc-schema", e.parameters().get("problem"));
                case "tablePrefix" ->
                    new InvalidInputException("--table-prefix", e.parameters().get("problem"));
                default -> e;
            };
        } finally {
            Wiring.wipe(password);
        }
    }

    /** The global settings: options, then environment variables, then the settings file. */
    StoreSettings settings() {
        return StoreSettings.resolve(
                new StoreSettings.Options(
                        data, jdbcUrl, jdbcUser, jdbcSchema, tablePrefix, mailConfig, providers, config),
                environment::variable,
                environment.workingDirectory());
    }

    /** The store this execution opened or tried to open, if it got that far (for error reports). */
    Optional<Wiring.Store> store() {
        return Optional.ofNullable(store);
    }

    /** How long to wait for another process using the embedded store (tests shorten it). */
    void lockWait(java.time.Duration wait) {
        this.lockWait = wait;
    }

    /**
     * Library logging (System.Logger and SLF4J both end in java.util.logging) goes to standard error, one line
     * per record: warnings only, unless --debug. The process's own choice (java.util.logging.config.file) wins.
     */
    void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        Logger root = Logger.getLogger("");
        Level level = debug ? Level.FINE : Level.WARNING;
        // --debug opens Locksmith's own loggers only: drivers log their connection URL at FINE, and a JDBC URL
        // may carry a password.
        root.setLevel(Level.WARNING);
        LOCKSMITH_LOGGER.setLevel(level);
        for (java.util.logging.Handler handler : root.getHandlers()) {
            handler.setLevel(level);
            handler.setFormatter(new OneLineFormat(debug));
        }
    }

    /** {@code LEVEL logger: message}, and the exception's class (its stack trace too with --debug). */
    private static final class OneLineFormat extends java.util.logging.Formatter {
        private final boolean stackTraces;

        OneLineFormat(boolean stackTraces) {
            this.stackTraces = stackTraces;
        }

        @Override
        public String format(java.util.logging.LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(record.getLevel().getName())
                    .append(' ')
                    .append(record.getLoggerName())
                    .append(": ")
                    .append(formatMessage(record));
            if (record.getThrown() != null) {
                line.append(" (")
                        .append(record.getThrown().getClass().getName())
                        .append(')');
                if (stackTraces) {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                    line.append(System.lineSeparator()).append(trace);
                }
            }
            return line.append(System.lineSeparator()).toString();
        }
    }
}
