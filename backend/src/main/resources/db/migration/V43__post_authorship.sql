-- Who wrote or changed a post's text (issue 13, finding 4). Each transition row says whether its actor wrote or
-- changed the text (body, hashtags, media, content type or a variant): the creation, and every edit of the text,
-- with or without a change of status. Nobody may approve a post whose text they wrote or changed: the service
-- refuses with a 403 naming the edit, and the trigger below keeps the rule even if the service forgot it.
ALTER TABLE post_transition ADD COLUMN text_changed BOOLEAN NOT NULL DEFAULT false;

-- What the history already shows: the author wrote the text; an edit after review sent the post back to draft.
UPDATE post_transition SET text_changed = true
 WHERE from_status IS NULL OR note LIKE 'Konten diubah setelah ditinjau%';

CREATE INDEX post_transition_text_idx ON post_transition (post_id, actor_id) WHERE text_changed;

CREATE FUNCTION refuse_approval_by_a_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.to_status = 'APPROVED' AND NEW.actor_id IS NOT NULL AND (
            EXISTS (SELECT 1 FROM post WHERE id = NEW.post_id AND author_id = NEW.actor_id)
            OR EXISTS (SELECT 1 FROM post_transition
                        WHERE post_id = NEW.post_id AND actor_id = NEW.actor_id AND text_changed)) THEN
        RAISE EXCEPTION 'user % wrote or changed the text of post % and cannot approve it', NEW.actor_id, NEW.post_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER post_approval_not_by_a_writer BEFORE INSERT ON post_transition
    FOR EACH ROW EXECUTE FUNCTION refuse_approval_by_a_writer();
