package dev.winnow.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * winnow's configuration: the documented defaults in {@code config/winnow.properties} (shipped inside
 * the jar) overlaid with the user's file and command-line overrides.
 *
 * <p>The defaults file is the single list of keys: a user key it does not contain is rejected at
 * start-up, and typed getters reject malformed values, in both cases naming the key.
 */
public final class Config {
    static final String DEFAULTS_RESOURCE = "/dev/winnow/config/winnow.properties";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

    private final Map<String, String> values;

    private Config(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The shipped defaults alone. */
    public static Config defaults() {
        try (InputStream in = Config.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("defaults " + DEFAULTS_RESOURCE + " missing from the build");
            }
            return new Config(read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in defaults", e);
        }
    }

    /** Defaults overlaid with a user file; a missing file or an unknown key is a {@link ConfigException}. */
    public static Config load(Path file) {
        Config base = defaults();
        if (file == null) {
            return base;
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist");
        }
        Map<String, String> user;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            user = read(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Config merged = base;
        for (Map.Entry<String, String> e : user.entrySet()) {
            merged = merged.with(e.getKey(), e.getValue());
        }
        return merged;
    }

    /** A copy with one key overridden; the key must be a documented one. */
    public Config with(String key, String value) {
        if (!values.containsKey(key)) {
            throw new ConfigException("unknown config key '" + key + "'" + suggestion(key));
        }
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value == null ? "" : value.trim());
        return new Config(copy);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException("unknown config key '" + key + "' (not in the defaults file)");
        }
        return v;
    }

    public boolean bool(String key) {
        String v = string(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, v, "true or false");
        };
    }

    public int integer(String key, int min, int max) {
        long v = longValue(key, min, max);
        return (int) v;
    }

    public long longValue(String key, long min, long max) {
        String raw = string(key);
        long v;
        try {
            v = Long.parseLong(raw.replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a whole number");
        }
        if (v < min || v > max) {
            throw invalid(key, raw, "a number between " + min + " and " + max);
        }
        return v;
    }

    public double decimal(String key, double min, double max) {
        String raw = string(key);
        double v;
        try {
            v = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a number");
        }
        if (!(v >= min && v <= max)) {
            throw invalid(key, raw, "a number between " + min + " and " + max);
        }
        return v;
    }

    /** Durations are written {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h} or {@code 1d}. */
    public Duration duration(String key) {
        String raw = string(key);
        Matcher m = DURATION.matcher(raw.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(key, raw, "a duration such as 500ms, 30s, 15m, 2h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Sizes are written as bytes or with a unit: {@code 512kb}, {@code 16mb}, {@code 1gb}. */
    public long bytes(String key) {
        String raw = string(key);
        Matcher m = BYTES.matcher(raw.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(key, raw, "a size such as 65536, 512kb or 16mb");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb" -> n * 1024;
            case "mb" -> n * 1024 * 1024;
            case "gb" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }

    /** A comma-separated list; blank entries are dropped. */
    public List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (String s : string(key).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static ConfigException invalid(String key, String value, String expected) {
        return new ConfigException("config key '" + key + "': expected " + expected + ", got '" + value + "'");
    }

    private String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : values.keySet()) {
            int d = editDistance(key, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        // Only suggest what is plausibly a typo, not any key at all.
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Map<String, String> read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        Map<String, String> out = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            out.put(name.trim(), p.getProperty(name).trim());
        }
        return out;
    }

    @Override
    public String toString() {
        return Arrays.toString(values.entrySet().toArray());
    }
}
