package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * The global settings of a command, each taken from the first of: the command line's option, an environment
 * variable, the settings file ({@code --config FILE} or {@code LOCKSMITH_CONFIG}), the default. The store is
 * chosen as a whole: the first of those sources that names {@code --data} or {@code --jdbc-url} decides it,
 * so a folder given on the command line is never overridden by a URL in the environment.
 *
 * <p>The settings file is a Java properties file (UTF-8) with the keys {@code data}, {@code jdbc-url},
 * {@code jdbc-user}, {@code jdbc-schema}, {@code table-prefix}, {@code mail-config} and {@code providers}
 * (comma-separated {@code NAME:KIND:FILE}); relative paths in it are relative to its own folder. An unknown
 * key is an error. It holds no password: the database password comes from {@code LOCKSMITH_JDBC_PASSWORD}
 * or the terminal. Immutable.
 *
 * @param data the embedded store's folder (default {@code locksmith-data})
 * @param dataExplicit whether {@code data} was named by any source, not the default
 * @param jdbcUrl a database URL instead of the embedded store
 * @param jdbcUser the database user
 * @param schema the PostgreSQL schema of the tables
 * @param tablePrefix the prefix of the table names
 * @param mailConfig the SMTP settings file
 * @param providers the security providers, {@code NAME:KIND:FILE}
 */
record StoreSettings(
        Path data,
        boolean dataExplicit,
        Optional<String> jdbcUrl,
        Optional<String> jdbcUser,
        Optional<String> schema,
        Optional<String> tablePrefix,
        Optional<Path> mailConfig,
        List<String> providers) {
    static final String DEFAULT_DATA = "locksmith-data";
    static final String CONFIG_VARIABLE = "LOCKSMITH_CONFIG";
    /** Environment variable per setting. */
    static final Map<String, String> VARIABLES = Map.of(
            "data", "LOCKSMITH_DATA",
            "jdbc-url", "LOCKSMITH_JDBC_URL",
            "jdbc-user", "LOCKSMITH_JDBC_USER",
            "jdbc-schema", "LOCKSMITH_JDBC_SCHEMA",
            "table-prefix", "LOCKSMITH_TABLE_PREFIX",
            "mail-config", "LOCKSMITH_MAIL_CONFIG",
            "providers", "LOCKSMITH_PROVIDERS");

    StoreSettings {
        providers = List.copyOf(providers);
    }

    /** What the command line gave (null when an option was not given). */
    record Options(
            Path data,
            String jdbcUrl,
            String jdbcUser,
            String schema,
            String tablePrefix,
            Path mailConfig,
            List<String> providers,
            Path config) {}

    /**
     * Resolves the settings.
     *
     * @param workingDirectory what relative paths of the command line and the environment are relative to
     * @throws InvalidInputException for a missing or malformed settings file
     */
    static StoreSettings resolve(Options options, Function<String, Optional<String>> variables, Path workingDirectory) {
        Optional<Path> configPath = Optional.ofNullable(options.config())
                .map(workingDirectory::resolve)
                .or(() -> variables.apply(CONFIG_VARIABLE).map(v -> workingDirectory.resolve(v)));
        Properties file = configPath.map(StoreSettings::load).orElseGet(Properties::new);
        Path fileFolder = configPath.map(p -> p.toAbsolutePath().getParent()).orElse(workingDirectory);
        Layer command = new Layer(
                key -> Optional.ofNullable(
                        switch (key) {
                            case "data" ->
                                options.data() == null ? null : options.data().toString();
                            case "jdbc-url" -> options.jdbcUrl();
                            case "jdbc-user" -> options.jdbcUser();
                            case "jdbc-schema" -> options.schema();
                            case "table-prefix" -> options.tablePrefix();
                            case "mail-config" ->
                                options.mailConfig() == null
                                        ? null
                                        : options.mailConfig().toString();
                            case "providers" ->
                                options.providers().isEmpty() ? null : String.join("\n", options.providers());
                            default -> null;
                        }),
                workingDirectory);
        Layer environment = new Layer(key -> variables.apply(VARIABLES.get(key)), workingDirectory);
        Layer settingsFile = new Layer(
                key -> Optional.ofNullable(file.getProperty(key))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty()),
                fileFolder);
        List<Layer> layers = List.of(command, environment, settingsFile);

        Layer storeLayer = layers.stream()
                .filter(l -> l.get("data").isPresent() || l.get("jdbc-url").isPresent())
                .findFirst()
                .orElse(command);
        Optional<String> url = storeLayer.get("jdbc-url");
        Optional<Path> data = storeLayer.path("data");
        return new StoreSettings(
                data.orElse(workingDirectory.resolve(DEFAULT_DATA)),
                data.isPresent(),
                url,
                first(layers, "jdbc-user"),
                first(layers, "jdbc-schema"),
                first(layers, "table-prefix"),
                layers.stream()
                        .map(l -> l.path("mail-config"))
                        .flatMap(Optional::stream)
                        .findFirst(),
                layers.stream()
                        .map(l -> l.providers())
                        .filter(p -> !p.isEmpty())
                        .findFirst()
                        .orElse(List.of()));
    }

    private static Optional<String> first(List<Layer> layers, String key) {
        return layers.stream().map(l -> l.get(key)).flatMap(Optional::stream).findFirst();
    }

    /** One source of settings, and the folder its relative paths are relative to. */
    private record Layer(Function<String, Optional<String>> values, Path folder) {
        Optional<String> get(String key) {
            return values.apply(key).filter(v -> !v.isBlank());
        }

        Optional<Path> path(String key) {
            return get(key).map(v -> folder.resolve(v));
        }

        /** Providers, {@code NAME:KIND:FILE} each, separated by commas or new lines; FILE relative to the folder. */
        List<String> providers() {
            List<String> specs = new ArrayList<>();
            get("providers")
                    .ifPresent(all -> Arrays.stream(all.split("[,\\n]"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .forEach(s -> specs.add(resolveFile(s))));
            return specs;
        }

        private String resolveFile(String spec) {
            int first = spec.indexOf(':');
            int second = first < 0 ? -1 : spec.indexOf(':', first + 1);
            if (second < 0 || second == spec.length() - 1) {
                return spec; // malformed: ProviderSpec.parse says how
            }
            return spec.substring(0, second + 1) + folder.resolve(spec.substring(second + 1));
        }
    }

    private static final Set<String> KEYS =
            Set.of("data", "jdbc-url", "jdbc-user", "jdbc-schema", "table-prefix", "mail-config", "providers");

    private static Properties load(Path file) {
        return SettingsFile.read(
                file,
                "--config",
                KEYS,
                " (the database password belongs in " + Environment.JDBC_PASSWORD_VARIABLE + ")");
    }
}
