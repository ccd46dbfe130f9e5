-- bench/province.sh: the latest shared reviews across all challenges (reading_log_shared_review_idx).
SELECT l.title, l.author, l.review, l.created_at FROM reading_log l
 WHERE l.share_review AND l.review IS NOT NULL ORDER BY l.created_at DESC LIMIT 20;
