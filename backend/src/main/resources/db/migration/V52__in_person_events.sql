-- Issue 17: an event can take place in person at the library (its check-in QR code is only for those); join_url
-- then holds the place's link (a map, say).
ALTER TABLE event DROP CONSTRAINT IF EXISTS event_platform_check;
ALTER TABLE event ADD CONSTRAINT event_platform_check CHECK (platform IN ('ZOOM', 'GOOGLE_MEET', 'YOUTUBE_LIVE',
    'FACEBOOK_LIVE', 'INSTAGRAM_LIVE', 'OTHER', 'IN_PERSON'));
