// Cross-check of the loopback Gotify server's REST groups with npm `gotify-client`, a client
// no one here wrote. Usage: GOTIFY_CLIENT_TOKEN=… GOTIFY_APP_TOKEN=… node rest.mjs <url>
// (tokens come from the environment, never argv).
// Prints one JSON line per check: {"check":"…","ok":true|false,"detail":…}; exits 1 on a failure.
import { GotifyClient } from 'gotify-client';

const [url] = process.argv.slice(2);
const clientToken = process.env.GOTIFY_CLIENT_TOKEN;
const appToken = process.env.GOTIFY_APP_TOKEN;
const gotify = new GotifyClient(url, { app: appToken, client: clientToken });
const anonymous = new GotifyClient(url, { client: 'not-a-token' });
let failures = 0;
function check(name, ok, detail) {
  if (!ok) failures++;
  console.log(JSON.stringify({ check: name, ok: !!ok, detail }));
}

const health = await gotify.health.getHealth();
check('health', health.health === 'green' && health.database === 'green', health);
const version = await gotify.version.getVersion();
check('version', typeof version.version === 'string' && version.version.length > 0, version);
const user = await gotify.current.currentUser();
check('currentUser', typeof user.name === 'string' && user.admin === true, user);
const refused = await anonymous.current.currentUser();
check('badTokenRefused', refused.errorCode === 401 && refused.error === 'Unauthorized'
  && typeof refused.errorDescription === 'string', refused);

const app = await gotify.application.createApp({ name: 'crosscheck', description: 'npm', defaultPriority: 7 });
check('createApp', app.id > 0 && app.name === 'crosscheck' && app.token.length > 0, { id: app.id });
const updated = await gotify.application.updateApplication(app.id, { name: 'crosscheck2', description: 'x' });
check('updateApp', updated.name === 'crosscheck2', { name: updated.name });
const apps = await gotify.application.getApps();
check('getApps', Array.isArray(apps) && apps.some(a => a.id === app.id), { count: apps.length });
const png = new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' });
const withImage = await gotify.application.uploadAppImage(app.id, { file: new File([png], 'icon.png') });
check('uploadAppImage', typeof withImage.image === 'string' && withImage.image.startsWith('image/'), { image: withImage.image });
await gotify.application.removeAppImage(app.id);
const afterRemove = (await gotify.application.getApps()).find(a => a.id === app.id);
check('removeAppImage', afterRemove.image === 'static/defaultapp.png', { image: afterRemove.image });

const sent = await gotify.message.createMessage({ message: 'hello from gotify-client', title: 'xc', priority: 8,
  extras: { 'client::display': { contentType: 'text/markdown' } } });
check('createMessage', sent.id > 0 && sent.priority === 8 && sent.extras['client::display'].contentType === 'text/markdown'
  && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(sent.date), sent);
const defaulted = await gotify.message.createMessage({ message: 'no title, no priority' });
check('createMessageDefaults', defaulted.title === 'channeltray-demo' && defaulted.priority === 5, defaulted);
const missing = await gotify.message.createMessage({ title: 'no message' });
check('createMessageRequiresMessage', missing.errorCode === 400, missing);

const page1 = await gotify.message.getMessages({ limit: 1 });
check('getMessagesNewestFirst', page1.messages.length === 1 && page1.messages[0].id === defaulted.id
  && page1.paging.size === 1 && page1.paging.limit === 1 && page1.paging.since === defaulted.id
  && typeof page1.paging.next === 'string', page1.paging);
const page2 = await gotify.message.getMessages({ limit: 1, since: page1.paging.since });
check('getMessagesSinceExclusive', page2.messages[0].id === sent.id, { ids: page2.messages.map(m => m.id) });
const tooMany = await gotify.message.getMessages({ limit: 201 });
check('getMessagesLimitMax200', tooMany.errorCode === 400, tooMany);
const appMessages = await gotify.application.getAppMessages({ id: 1, limit: 100 });
check('getAppMessages', appMessages.messages.every(m => m.appid === 1), { size: appMessages.paging.size });
await gotify.message.deleteMessage(sent.id);
const afterDelete = await gotify.message.getMessages({});
check('deleteMessage', !afterDelete.messages.some(m => m.id === sent.id), { size: afterDelete.paging.size });
await gotify.application.deleteAppMessages(1);
const afterAppDelete = await gotify.application.getAppMessages({ id: 1 });
check('deleteAppMessages', afterAppDelete.messages.length === 0, afterAppDelete.paging);
await gotify.message.deleteMessages();

const client = await gotify.client.createClient({ name: 'xc-client' });
check('createClient', client.id > 0 && client.token.length > 0, { id: client.id });
const renamed = await gotify.client.updateClient(client.id, { name: 'xc-client2' });
check('updateClient', renamed.name === 'xc-client2', { name: renamed.name });
const clients = await gotify.client.getClients();
check('getClients', clients.some(c => c.id === client.id), { count: clients.length });
const delClient = await gotify.client.deleteClient(client.id);
const delApp = await gotify.application.deleteApp(app.id);
console.log(JSON.stringify({ check: 'deletes', ok: true, detail: { client: delClient, app: delApp } }));
const clientsAfter = await gotify.client.getClients();
const appsAfter = await gotify.application.getApps();
console.log(JSON.stringify({ check: 'afterDeletes', ok: true,
  detail: { clientGone: !clientsAfter.some(c => c.id === client.id), appGone: !appsAfter.some(a => a.id === app.id) } }));
console.log(JSON.stringify({ done: true, failures }));
process.exit(failures ? 1 : 0);
