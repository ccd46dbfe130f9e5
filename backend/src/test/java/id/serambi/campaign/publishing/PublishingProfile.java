package id.serambi.campaign.publishing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

/** The publishing tests' app: the scripted social facade and recorded notifications instead of the default beans. */
public class PublishingProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ScriptedSocialAccounts.class, RecordingNotifications.class);
    }
}
