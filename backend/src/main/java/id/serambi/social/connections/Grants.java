package id.serambi.social.connections;

import id.serambi.social.GrantedAccount;
import id.serambi.social.SocialPlatform;
import id.serambi.social.connections.ConnectionDtos.PageChoice;
import java.util.ArrayList;
import java.util.List;

/**
 * How the accounts one authorization granted group: Facebook Login grants Pages, each with the Instagram professional
 * account linked to it, which publishes with the same Page token (that is how the two are paired).
 */
final class Grants {

    private Grants() {
    }

    static List<GrantedAccount> pages(List<GrantedAccount> granted) {
        return granted.stream().filter(g -> g.platform() == SocialPlatform.FACEBOOK).toList();
    }

    /** Staff must choose when more than one Page was granted. */
    static boolean needsChoice(List<GrantedAccount> granted) {
        return pages(granted).size() > 1;
    }

    /** The Page with this id and the Instagram account linked to it; empty when it was not granted. */
    static List<GrantedAccount> page(List<GrantedAccount> granted, String pageId) {
        List<GrantedAccount> out = new ArrayList<>();
        for (GrantedAccount p : pages(granted)) {
            if (p.externalId().equals(pageId)) {
                out.add(p);
                granted.stream().filter(g -> g.platform() == SocialPlatform.INSTAGRAM
                        && g.accessToken().equals(p.accessToken())).findFirst().ifPresent(out::add);
            }
        }
        return out;
    }

    static List<PageChoice> choices(List<GrantedAccount> granted) {
        return pages(granted).stream().map(p -> new PageChoice(p.externalId(), p.name(),
                granted.stream().filter(g -> g.platform() == SocialPlatform.INSTAGRAM
                        && g.accessToken().equals(p.accessToken())).map(GrantedAccount::name).findFirst().orElse(null)))
                .toList();
    }
}
