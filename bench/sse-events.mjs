// Server-sent events for the benchmark clients (bench/load.mjs, bench/soak-sse.mjs): calls onEvent with the text of
// each complete event ("event: board\ndata: {...}") as its blank line arrives on the response.
export function sseEvents(res, onEvent) {
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      onEvent(event);
    }
  });
}

/** Whether an event's text is a leaderboard `board` event. */
export const isBoard = (event) => /^event: ?board/m.test(event);
