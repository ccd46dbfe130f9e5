package id.serambi.campaign.partners;

/** Where a partner's link leads: an event, a reading challenge, a survey, or the home page (no target id). */
public enum PartnerLinkTarget {
    EVENT, CHALLENGE, SURVEY, HOME
}
