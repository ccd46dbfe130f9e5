package id.serambi.media.library;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import id.serambi.media.MediaKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file in the media library; its bytes are in the media store under {@link #publicName}. */
@Entity
@Table(name = "media_file")
public class MediaFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "public_name")
    public String publicName;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Enumerated(EnumType.STRING)
    public MediaKind kind;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public int width;

    public int height;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(columnDefinition = "char(64)")
    @JdbcTypeCode(SqlTypes.CHAR)
    public String sha256;

    @Column(name = "uploaded_by")
    public Long uploadedBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
