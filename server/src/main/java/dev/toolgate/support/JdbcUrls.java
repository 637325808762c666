package dev.toolgate.support;

import java.util.regex.Pattern;

/** JDBC URLs as they may be shown: a password given in the URL ({@code ?password=...}) is replaced. */
public final class JdbcUrls {
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private JdbcUrls() {}

    /** {@code url} with the value of any {@code password} parameter replaced by {@code (hidden)}. */
    public static String redacted(String url) {
        return PASSWORD.matcher(url).replaceAll("$1(hidden)");
    }
}
