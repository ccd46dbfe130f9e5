package id.serambi.media.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.serambi.common.PersonalDataPart;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/**
 * The files a member uploaded to the media library (UU PDP). The files themselves are the library's publications and
 * stay; erasure only forgets who uploaded them.
 */
@ApplicationScoped
public class MediaPersonalData implements PersonalDataPart {

    private final MediaRepository files;
    private final MediaService service;
    private final ObjectMapper mapper;

    public MediaPersonalData(MediaRepository files, MediaService service, ObjectMapper mapper) {
        this.files = files;
        this.service = service;
        this.mapper = mapper;
    }

    @Override
    public String key() {
        return "mediaUploads";
    }

    @Override
    public Uni<String> export(Member member) {
        return files.uploadedBy(member.userId()).map(list -> {
            try {
                return mapper.writeValueAsString(list.stream().map(service::view).toList());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public Uni<Void> erase(Member member) {
        return files.forgetUploader(member.userId()).replaceWithVoid();
    }
}
