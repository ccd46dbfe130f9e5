package id.serambi.social.connections;

/** How a connection's token came: a platform's own sign-in (Facebook Login, X OAuth 2.0) or a pasted system-user token. */
public enum ConnectionMethod {
    OAUTH, SYSTEM_USER
}
