// `npm run serve`: server mode. The mock engine as a real HTTP server on
// localhost, its state kept in a file, with the built demo, the CDN files
// and the examples beside the API. Run through `npm run serve`, which
// builds first.
//
//   PORT             where it listens (8787)
//   SMS_KIT_STATE    the state file (.sms-kit/state.json)
//   TWILIO_AUTH_TOKEN  when set, Twilio's webhooks must be signed with it
//   PUBLIC_URL       the address Twilio posts to (a tunnel's), as signed
import { resolve } from 'node:path';
import { createKitServer } from '../dist/mock-server/server.js';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 8787);
const stateFile = resolve(
  root,
  process.env.SMS_KIT_STATE ?? '.sms-kit/state.json',
);

const server = createKitServer({
  stateFile,
  seed: true,
  simulateDelivery: process.env.SMS_KIT_SIMULATE_DELIVERY !== '0',
  twilioAuthToken: process.env.TWILIO_AUTH_TOKEN || undefined,
  publicUrl: process.env.PUBLIC_URL || undefined,
  staticDirs: {
    '/cdn': resolve(root, 'dist/cdn'),
    '/examples': resolve(root, 'examples'),
    '/': resolve(root, 'dist/demo'),
  },
});
const listening = await server.listen(port, process.env.HOST ?? '127.0.0.1');
console.log(`sms-campaign-kit server mode on http://localhost:${listening}/`);
console.log(`  API       http://localhost:${listening}/api/v1`);
console.log(`  agent desk http://localhost:${listening}/examples/desk.html`);
console.log(`  state     ${stateFile}`);
if (process.env.TWILIO_AUTH_TOKEN) {
  console.log('  Twilio webhooks must carry a valid X-Twilio-Signature.');
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
