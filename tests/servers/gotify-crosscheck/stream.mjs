// Cross-check of the loopback Gotify server's /stream with npm `ws`, a client no one here
// wrote. Usage: GOTIFY_CLIENT_TOKEN=… GOTIFY_APP_TOKEN=… node stream.mjs <url> <count>
// Connects with the X-Gotify-Key header, prints {"event":"open"}, then one {"event":"message",…}
// line per frame until <count> frames arrived; a bad-token attempt first must get HTTP 401.
import WebSocket from 'ws';

const [url, countText] = process.argv.slice(2);
const clientToken = process.env.GOTIFY_CLIENT_TOKEN;
const appToken = process.env.GOTIFY_APP_TOKEN;
const wsUrl = url.replace(/^http/, 'ws') + '/stream';
const count = Number(countText || 1);
const out = (o) => console.log(JSON.stringify(o));

function refused(headers) {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl, { headers });
    ws.on('unexpected-response', (req, res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    ws.on('open', () => { ws.terminate(); resolve({ status: 101 }); });
    ws.on('error', () => {});
  });
}

out({ event: 'badToken', ...(await refused({ 'X-Gotify-Key': 'not-a-token' })) });
out({ event: 'appToken', ...(await refused({ 'X-Gotify-Key': appToken })) });

const ws = new WebSocket(wsUrl, { headers: { 'X-Gotify-Key': clientToken } });
let seen = 0;
ws.on('open', () => out({ event: 'open' }));
ws.on('message', (data, isBinary) => {
  const m = JSON.parse(data.toString());
  out({ event: 'message', binary: isBinary, id: m.id, appid: m.appid, title: m.title, message: m.message,
    priority: m.priority, date: m.date, extras: m.extras ?? null });
  if (++seen >= count) { ws.close(1000); }
});
ws.on('close', (code) => { out({ event: 'close', code }); process.exit(seen >= count ? 0 : 1); });
ws.on('error', (e) => out({ event: 'error', message: String(e.message) }));
