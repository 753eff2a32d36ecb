// Cross-check: the vendor's @openim/client-sdk against the loopback OpenIM server.
// Node 20, npm `ws` as the global WebSocket. Line protocol:
//   stdin  line 1: {"wsAddr","apiAddr","userID","platformID","token"}   (never argv: a token)
//   stdin  then:   {"cmd":"send","to":"<userID>","text":"…"} | {"cmd":"sendGroup","group":"…","text":"…"}
//                  | {"cmd":"logout"}
//   stdout:        one JSON event per line: connected, connectFailed, connecting, message,
//                  sent, sendFailed, kicked, tokenExpired, tokenInvalid, syncFinished
import WebSocket from 'ws';
import readline from 'node:readline';
import sdkModule from '@openim/client-sdk';

class BinaryWebSocket extends WebSocket {
  constructor(url, protocols) {
    super(url, protocols);
    this.binaryType = 'arraybuffer';
  }
}
globalThis.WebSocket = BinaryWebSocket;

const { getSDK, CbEvents } = sdkModule;
const emit = (o) => process.stdout.write(JSON.stringify(o) + '\n');
// Keep the SDK's own logging off stdout (it would mix with our events); errors go to stderr.
for (const k of ['log', 'info', 'debug', 'warn']) console[k] = () => {};
console.error = (...a) => process.stderr.write(
  a.filter((x) => typeof x === 'string').join(' ').slice(0, 300) + '\n');

// An exception inside the SDK is reported as an event (and fails the test), not a silent exit.
const report = (kind) => (e) => emit({ event: kind, message: String((e && e.message) || e).slice(0, 300),
                                       where: String((e && e.stack) || '').split('\n').slice(1, 3).join(' | ').slice(0, 300) });
process.on('uncaughtException', report('uncaughtException'));
process.on('unhandledRejection', report('unhandledRejection'));

const rl = readline.createInterface({ input: process.stdin });
const lines = rl[Symbol.asyncIterator]();
const config = JSON.parse((await lines.next()).value);

const IMSDK = getSDK();
IMSDK.on(CbEvents.OnConnecting, () => emit({ event: 'connecting' }));
IMSDK.on(CbEvents.OnConnectSuccess, () => emit({ event: 'connected' }));
IMSDK.on(CbEvents.OnConnectFailed, (e) => emit({ event: 'connectFailed', errCode: e.errCode }));
IMSDK.on(CbEvents.OnKickedOffline, () => emit({ event: 'kicked' }));
IMSDK.on(CbEvents.OnUserTokenExpired, (e) => emit({ event: 'tokenExpired', errCode: e.errCode }));
IMSDK.on(CbEvents.OnUserTokenInvalid, (e) => emit({ event: 'tokenInvalid', errCode: e.errCode }));
IMSDK.on(CbEvents.OnSyncServerFinish, () => emit({ event: 'syncFinished' }));
IMSDK.on(CbEvents.OnSyncServerFailed, (e) => emit({ event: 'syncFailed', errCode: e.errCode, errMsg: e.errMsg }));
IMSDK.on(CbEvents.OnRecvNewMessages, ({ data }) => {
  for (const m of data) {
    let text = '';
    if (m.textElem) text = m.textElem.content;
    else if (m.atTextElem) text = m.atTextElem.text;
    emit({ event: 'message', clientMsgID: m.clientMsgID, seq: m.seq, sendID: m.sendID,
           groupID: m.groupID, contentType: m.contentType, text });
  }
});

try {
  await IMSDK.login({ userID: config.userID, token: config.token, platformID: config.platformID,
                      wsAddr: config.wsAddr, apiAddr: config.apiAddr, logLevel: 1 });
} catch (e) {
  emit({ event: 'loginRejected', errCode: e.errCode, errMsg: String(e.errMsg || e.message || e) });
}

for (;;) {
  const next = await lines.next();
  if (next.done) break;
  const cmd = JSON.parse(next.value);
  try {
    if (cmd.cmd === 'send' || cmd.cmd === 'sendGroup') {
      const message = (await IMSDK.createTextMessage(cmd.text)).data;
      const res = await IMSDK.sendMessage({ recvID: cmd.to || '', groupID: cmd.group || '', message });
      emit({ event: 'sent', serverMsgID: res.data.serverMsgID, clientMsgID: res.data.clientMsgID,
             sendTime: res.data.sendTime });
    } else if (cmd.cmd === 'logout') {
      await IMSDK.logout();
      emit({ event: 'loggedOut' });
      break;
    }
  } catch (e) {
    emit({ event: cmd.cmd + 'Failed', errCode: e.errCode, errMsg: String(e.errMsg || e.message || e) });
  }
}
process.exit(0);
