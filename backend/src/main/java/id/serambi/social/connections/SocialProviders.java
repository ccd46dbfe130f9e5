package id.serambi.social.connections;

import id.serambi.social.SocialPlatform;
import id.serambi.social.SocialProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The provider bean of each platform (one {@link SocialProvider} per platform, found at start). */
@ApplicationScoped
public class SocialProviders {

    private final Map<SocialPlatform, SocialProvider> byPlatform = new EnumMap<>(SocialPlatform.class);

    public SocialProviders(Instance<SocialProvider> providers) {
        for (SocialProvider p : providers) {
            SocialProvider earlier = byPlatform.put(p.platform(), p);
            if (earlier != null) {
                throw new IllegalStateException("Two providers for " + p.platform() + ": " + earlier.getClass().getName()
                        + " and " + p.getClass().getName());
            }
        }
    }

    public Optional<SocialProvider> of(SocialPlatform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }
}
