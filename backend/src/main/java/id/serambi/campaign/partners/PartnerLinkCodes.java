package id.serambi.campaign.partners;

import id.serambi.campaign.links.LinkCodes;
import jakarta.enterprise.context.ApplicationScoped;

/** Where a partner's new link gets its code: {@link LinkCodes#generate()} (a bean so that a test can force a collision). */
@ApplicationScoped
public class PartnerLinkCodes {

    public String next() {
        return LinkCodes.generate();
    }
}
