package id.serambi.campaign.partners;

/** What kind of local partner spreads the library's links (the partner table's CHECK lists the same). */
public enum PartnerKind {
    INFLUENCER, SCHOOL, COMMUNITY, RADIO, OTHER
}
