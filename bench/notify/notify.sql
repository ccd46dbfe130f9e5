-- bench/notify.sh: one NOTIFY per transaction, its payload the send time in microseconds padded to :size bytes.
SELECT pg_notify('bench', rpad(((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)::text, :size, 'x'));
