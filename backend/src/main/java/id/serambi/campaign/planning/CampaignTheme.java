package id.serambi.campaign.planning;

/** What a campaign is about. */
public enum CampaignTheme {
    LITERACY, DIGITAL_LITERACY, CYBER_SAFETY, PROMOTION, READING_CLUB, EVENTS, OTHER
}
