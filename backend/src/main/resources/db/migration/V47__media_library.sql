-- Issue 15, media: the media library's files and the files attached to each post. The bytes live in the media store
-- (serambi.media.directory); a row exists only once its file has been stored.

CREATE TABLE media_file (
    id            BIGSERIAL PRIMARY KEY,
    -- The file's name in the store and in its public URL (/media/<name>): 32 random URL-safe characters and the
    -- extension of the detected type, so nobody can guess another file's address.
    public_name   VARCHAR(40)   NOT NULL UNIQUE CHECK (public_name ~ '^[A-Za-z0-9_-]{32}\.(jpg|png|webp|mp4)$'),
    -- As uploaded, shown to staff only.
    file_name     VARCHAR(255)  NOT NULL,
    -- Detected from the bytes, never taken from the upload.
    content_type  VARCHAR(40)   NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'video/mp4')),
    kind          VARCHAR(8)    NOT NULL CHECK (kind IN ('IMAGE', 'VIDEO')),
    size_bytes    BIGINT        NOT NULL CHECK (size_bytes > 0),
    width         INTEGER       NOT NULL CHECK (width > 0),
    height        INTEGER       NOT NULL CHECK (height > 0),
    duration_ms   BIGINT        CHECK (duration_ms >= 0),
    sha256        CHAR(64)      NOT NULL,
    uploaded_by   BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX media_file_newest_idx ON media_file (created_at DESC, id DESC);
CREATE INDEX media_file_uploaded_by_idx ON media_file (uploaded_by) WHERE uploaded_by IS NOT NULL;

-- A post's media, in order. Deleting a file takes it off the drafts it is attached to (the media feature refuses to
-- delete a file attached to a post past its draft).
CREATE TABLE post_media (
    post_id   BIGINT   NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    media_id  BIGINT   NOT NULL REFERENCES media_file (id) ON DELETE CASCADE,
    position  SMALLINT NOT NULL CHECK (position BETWEEN 0 AND 9),
    PRIMARY KEY (post_id, position),
    UNIQUE (post_id, media_id)
);

CREATE INDEX post_media_media_idx ON post_media (media_id);
