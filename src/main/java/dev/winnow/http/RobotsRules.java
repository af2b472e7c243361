package dev.winnow.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One host's robots.txt (RFC 9309), reduced to the group that applies to one user agent: the group
 * naming the longest matching product token, else the {@code *} group. A path is allowed unless the
 * longest matching rule is a Disallow; on a tie Allow wins. Patterns support {@code *} and a final {@code $}.
 */
public final class RobotsRules {
    private static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());
    private static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule(false, "/")));

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    private record Rule(boolean allow, String pattern) {
    }

    public static RobotsRules allowAll() {
        return ALLOW_ALL;
    }

    public static RobotsRules disallowAll() {
        return DISALLOW_ALL;
    }

    /** Parses robots.txt for the agent named by the first word of {@code userAgent} (e.g. "winnow/0.1 …" → winnow). */
    public static RobotsRules parse(byte[] robotsTxt, String userAgent) {
        String token = productToken(userAgent);
        List<Group> groups = groups(new String(robotsTxt, StandardCharsets.UTF_8));
        int best = groups.stream().flatMap(g -> g.agents().stream())
                .filter(a -> !a.equals("*") && token.startsWith(a)).mapToInt(String::length).max().orElse(-1);
        List<Rule> chosen = new ArrayList<>();
        for (Group g : groups) { // groups naming the same agent are merged (RFC 9309 2.2.1)
            boolean applies = best < 0 ? g.agents().contains("*")
                    : g.agents().stream().anyMatch(a -> !a.equals("*") && a.length() == best && token.startsWith(a));
            if (applies) {
                chosen.addAll(g.rules());
            }
        }
        return new RobotsRules(chosen);
    }

    private record Group(List<String> agents, List<Rule> rules) {
    }

    private static List<Group> groups(String text) {
        List<Group> groups = new ArrayList<>();
        Group current = null;
        for (String raw : text.split("\\r\\n|\\r|\\n")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (current == null || !current.rules().isEmpty()) { // agent lines after rules open a new group
                    current = new Group(new ArrayList<>(), new ArrayList<>());
                    groups.add(current);
                }
                current.agents().add(value.toLowerCase(Locale.ROOT));
            } else if ((key.equals("allow") || key.equals("disallow")) && current != null) {
                // An empty Disallow allows everything; kept as a zero-length Allow so the group is closed.
                current.rules().add(new Rule(key.equals("allow") || value.isEmpty(), value));
            }
        }
        return groups;
    }

    private static String productToken(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < ua.length() && (Character.isLetter(ua.charAt(end)) || ua.charAt(end) == '-' || ua.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? "*" : ua.substring(0, end);
    }

    /** @param pathAndQuery the URL's path plus "?query" if any, percent-encoded as sent */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        if (path.equals("/robots.txt")) {
            return true;
        }
        Rule winner = null;
        for (Rule r : rules) {
            if (matches(r.pattern(), path)) {
                int len = r.pattern().length();
                if (winner == null || len > winner.pattern().length() || (len == winner.pattern().length() && r.allow())) {
                    winner = r;
                }
            }
        }
        return winner == null || winner.allow();
    }

    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return match(p, 0, path, 0, anchored);
    }

    private static boolean match(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, pi, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }
}
