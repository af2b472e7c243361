package dev.winnow.http;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.util.List;
import java.util.Locale;

/**
 * One host's robots.txt (RFC 9309) as it applies to winnow's user agent, parsed and matched by
 * crawler-commons: the group naming winnow's product token, else the {@code *} group; the longest
 * matching rule wins and Allow wins ties; {@code *} and a final {@code $} in patterns.
 */
public final class RobotsRules {
    private static final RobotsRules ALLOW_ALL = new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL));
    private static final RobotsRules DISALLOW_ALL = new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE));

    private final BaseRobotRules rules;

    private RobotsRules(BaseRobotRules rules) {
        this.rules = rules;
    }

    public static RobotsRules allowAll() {
        return ALLOW_ALL;
    }

    public static RobotsRules disallowAll() {
        return DISALLOW_ALL;
    }

    /**
     * Parses the robots.txt found at {@code robotsUrl} for the agent named by the first word of
     * {@code userAgent} (e.g. "winnow/0.1 …" → winnow).
     */
    public static RobotsRules parse(byte[] robotsTxt, String robotsUrl, String userAgent) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        return new RobotsRules(parser.parseContent(robotsUrl, robotsTxt, "text/plain", List.of(productToken(userAgent))));
    }

    static String productToken(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < ua.length() && (Character.isLetter(ua.charAt(end)) || ua.charAt(end) == '-' || ua.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? "*" : ua.substring(0, end);
    }

    /** Whether the absolute URL may be fetched; robots.txt itself always may. */
    public boolean allows(String url) {
        return url.endsWith("/robots.txt") || rules.isAllowed(url);
    }
}
