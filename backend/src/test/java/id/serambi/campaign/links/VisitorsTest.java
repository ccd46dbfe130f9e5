package id.serambi.campaign.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.serambi.campaign.links.Visitors.Visit;
import org.junit.jupiter.api.Test;

/** The device class and bot flag read from real User-Agents (the only things a click keeps of its visitor). */
class VisitorsTest {

    private static void assertVisit(Device device, boolean bot, String userAgent) {
        assertEquals(new Visit(device, bot), Visitors.classify(false, userAgent), userAgent);
    }

    @Test
    void peopleByDeviceClass() {
        assertVisit(Device.MOBILE, false, "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Mobile Safari/537.36");
        assertVisit(Device.MOBILE, false, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1");
        // Facebook's and Instagram's in-app browsers are people, not the preview fetcher
        assertVisit(Device.MOBILE, false, "Mozilla/5.0 (Linux; Android 12; Redmi Note 11 Build/SKQ1; wv) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/441.0.0.33.113;]");
        assertVisit(Device.MOBILE, false, "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Mobile/15E148 Instagram 305.0.0.21.109 (iPhone13,2; iOS 16_6; id_ID; id)");
        assertVisit(Device.MOBILE, false, "Opera/9.80 (J2ME/MIDP; Opera Mini/4.2/28.3590; U; id) Presto/2.8.119 Version/11.10");
        assertVisit(Device.MOBILE, false, "Mozilla/5.0 (Mobile; LYF/F300B/LYF-F300B-001-01-15-130718-i;Android; rv:48.0) "
                + "Gecko/48.0 Firefox/48.0 KAIOS/2.5");
        assertVisit(Device.TABLET, false, "Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                + "Gecko) Version/17.1 Mobile/15E148 Safari/604.1");
        assertVisit(Device.TABLET, false, "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36");
        assertVisit(Device.DESKTOP, false, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36");
        assertVisit(Device.DESKTOP, false, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
                + "like Gecko) Version/17.1 Safari/605.1.15");
        assertVisit(Device.DESKTOP, false, "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0");
        assertVisit(Device.DESKTOP, false, "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36");
        assertVisit(Device.OTHER, false, "Mozilla/5.0 (PlayStation; PlayStation 5/2.26) AppleWebKit/605.1.15 (KHTML, like Gecko)");
    }

    @Test
    void crawlersPreviewsAndScriptsAreBots() {
        for (String bot : new String[] { "WhatsApp/2.23.20.0 A", "WhatsApp/2.2343.1 i",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "facebookcatalog/1.0",
                "Mozilla/5.0 (compatible; Facebot)", "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
                "Twitterbot/1.0", "TelegramBot (like TwitterBot)",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
                "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/120.0.6099.71 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 "
                        + "Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
                "Mozilla/5.0 (compatible; YandexBot/3.0)", "SomeNewCrawler/1.0", "link-preview-service", "Spider 2.0",
                "curl/8.5.0", "Wget/1.21.4", "python-requests/2.31.0", "Go-http-client/1.1", "okhttp/4.12.0",
                "Java/17.0.9", "node-fetch/1.0", "axios/1.6.2" }) {
            assertEquals(true, Visitors.classify(false, bot).bot(), bot);
        }
        assertEquals(new Visit(Device.OTHER, true), Visitors.classify(false, null), "no User-Agent");
        assertEquals(new Visit(Device.OTHER, true), Visitors.classify(false, "  "), "a blank User-Agent");
        String phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.1 Mobile/15E148 Safari/604.1";
        assertEquals(new Visit(Device.MOBILE, true), Visitors.classify(true, phone), "every HEAD is a bot");
        assertEquals(new Visit(Device.MOBILE, false), Visitors.classify(false, phone));
    }
}
