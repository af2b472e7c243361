package dev.winnow.config;

/** Invalid or unknown configuration; the message names the offending key. Maps to exit code 2. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
