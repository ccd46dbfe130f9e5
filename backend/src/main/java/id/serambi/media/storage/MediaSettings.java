package id.serambi.media.storage;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The media library's settings (README "Configuration"): SERAMBI_MEDIA_DIRECTORY, SERAMBI_MEDIA_MAX_BYTES. */
@ConfigMapping(prefix = "serambi.media")
public interface MediaSettings {

    /** Where the filesystem store keeps the files (a volume in docker-compose.yml); created at start when missing. */
    @WithDefault("./data/media")
    String directory();

    /** The largest file one upload may carry (a short video); the HTTP body limit must allow it. */
    @WithDefault("100M")
    MemorySize maxBytes();
}
