package id.serambi.account.members;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the accounts feature (prefix {@code serambi.accounts}); each has an environment variable. */
@ConfigMapping(prefix = "serambi.accounts")
public interface AccountSettings {

    /** How long an e-mail verification link works (SERAMBI_ACCOUNTS_VERIFICATION_LIFETIME). */
    @WithDefault("P2D")
    Duration verificationLifetime();

    /** How long a member waits before asking for another link (SERAMBI_ACCOUNTS_VERIFICATION_RESEND_INTERVAL). */
    @WithDefault("PT1M")
    Duration verificationResendInterval();
}
