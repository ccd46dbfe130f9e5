package id.serambi.campaign.links;

/** The coarse class of device a click came from: all a click keeps of its visitor, with the bot flag. */
public enum Device {
    MOBILE, TABLET, DESKTOP, OTHER
}
