package id.serambi.campaign.links;

import java.util.Locale;

/**
 * What a click keeps of its visitor: a coarse device class and whether it is a bot, both read from the User-Agent
 * header, which is then forgotten (neither it nor the address is stored, and no cookie is set).
 *
 * <p>A bot is a known crawler or link-preview fetcher (Facebook, WhatsApp, X, Telegram, Slack, Discord, LinkedIn, the
 * search engines, ...), anything calling itself a bot, crawler, spider or preview, a command-line client or library
 * (curl, wget, python-requests, ...), a request without a User-Agent, and every HEAD request (a browser following a
 * link sends GET; HEAD is a checker or a preview). A link pasted into a chat is fetched at once by the platform's
 * preview bot: those fetches are counted apart so the funnel counts people.
 */
public final class Visitors {

    /** A click's classification. */
    public record Visit(Device device, boolean bot) {
    }

    /** Lower-case fragments of the User-Agents of crawlers, preview fetchers and scripts. */
    private static final String[] BOTS = {
        // link previews of the social platforms and chat apps
        "facebookexternalhit", "facebot", "facebookcatalog", "meta-externalagent", "meta-externalfetcher", "whatsapp",
        "twitterbot", "telegrambot", "slackbot", "slack-imgproxy", "discordbot", "linkedinbot", "pinterestbot",
        "redditbot", "skypeuripreview", "embedly", "vkshare", "iframely",
        // search engines and other crawlers
        "googlebot", "google-inspectiontool", "googleother", "adsbot-google", "mediapartners-google", "apis-google",
        "feedfetcher-google", "bingbot", "bingpreview", "msnbot", "applebot", "yandex", "baiduspider", "duckduckbot",
        "duckassistbot", "petalbot", "sogou", "exabot", "ahrefs", "semrush", "mj12bot", "dotbot", "bytespider",
        "gptbot", "chatgpt-user", "oai-searchbot", "claudebot", "claude-web", "anthropic-ai", "perplexitybot",
        "ccbot", "amazonbot", "ia_archiver", "archive.org_bot", "headlesschrome", "lighthouse", "pingdom", "uptimerobot",
        // generic words
        "bot", "crawler", "crawl", "spider", "preview", "fetcher", "scraper", "monitor", "http-client", "httpclient",
        // command-line clients and libraries
        "curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "httpx", "go-http-client", "java/",
        "okhttp", "apache-httpclient", "libwww-perl", "node-fetch", "axios/", "undici", "postmanruntime", "insomnia",
        "k6/", "powershell", "php/", "guzzlehttp"
    };

    private Visitors() {
    }

    /** The visitor of a request with this method (HEAD or not) and User-Agent (null when absent). */
    public static Visit classify(boolean head, String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Visit(Device.OTHER, true);
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        return new Visit(device(ua), head || isBot(ua));
    }

    static boolean isBot(String ua) {
        for (String fragment : BOTS) {
            if (ua.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The device class of a lower-case User-Agent: a tablet (iPad, an Android without "mobile", a Kindle or anything
     * saying tablet), a phone (anything saying mobi, an iPhone or iPod, Opera Mini, KaiOS), a desktop (Windows,
     * macOS, ChromeOS, Linux on X11), or OTHER (a bot, a TV, a console, anything unknown).
     */
    static Device device(String ua) {
        if (ua.contains("ipad") || ua.contains("tablet") || ua.contains("kindle") || ua.contains("silk/")
                || ua.contains("playbook") || (ua.contains("android") && !ua.contains("mobile"))) {
            return ua.contains("android tv") || ua.contains("googletv") || ua.contains("smart-tv") ? Device.OTHER : Device.TABLET;
        }
        if (ua.contains("mobi") || ua.contains("iphone") || ua.contains("ipod") || ua.contains("opera mini")
                || ua.contains("kaios") || ua.contains("windows phone") || ua.contains("blackberry")) {
            return Device.MOBILE;
        }
        if (ua.contains("smart-tv") || ua.contains("smarttv") || ua.contains("playstation") || ua.contains("xbox")
                || ua.contains("nintendo")) {
            return Device.OTHER;
        }
        if (ua.contains("windows nt") || ua.contains("macintosh") || ua.contains("mac os x") || ua.contains("cros")
                || ua.contains("x11") || ua.contains("linux x86_64")) {
            return Device.DESKTOP;
        }
        return Device.OTHER;
    }
}
