-- Issue 15: figures typed in by staff (PUT /api/posts/{id}/variants/{platform}/metrics) are MANUAL, so the dashboard
-- never calls them "API" (read from the platform by the metrics pull). Earlier JSON snapshots stay as they were.
ALTER TABLE variant_metric DROP CONSTRAINT variant_metric_source_check;
ALTER TABLE variant_metric ADD CONSTRAINT variant_metric_source_check CHECK (source IN ('CSV', 'API', 'MANUAL'));
