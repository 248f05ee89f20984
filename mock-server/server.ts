/**
 * Server mode: the same MSW handlers as the in-page mock, as a real HTTP
 * server (through @mswjs/http-middleware), so several browser windows
 * share one engine and a real Twilio number can post to it.
 *
 * - The engine's state is written to `stateFile` after every change,
 *   before the change is answered: to a temporary file, flushed, then
 *   renamed over the old one, so a kill at any moment leaves either the
 *   state before the change or after it, and nothing acknowledged is lost.
 *   At start it is read back.
 * - With `twilioAuthToken`, each `/webhooks/twilio/*` request must carry a
 *   valid `X-Twilio-Signature` (the official `twilio` package checks it);
 *   without one it is 403 and nothing is stored.
 * - `staticDirs` are served beside the API (the built demo, examples).
 */
import { createMiddleware } from '@mswjs/http-middleware';
import express, { type Express, type RequestHandler } from 'express';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import twilio from 'twilio';
import { OffsetClock } from './clock.js';
import { Engine } from './engine/engine.js';
import { createHandlers, DEFAULT_BASE } from './handlers.js';
import { seedJulySale } from './scenario.js';
import { simulateDelivery } from './simulator.js';

export interface KitServerOptions {
  /** Where the state is kept; none keeps it in memory only. */
  stateFile?: string;
  /** Checks Twilio's signature on the webhooks when set. */
  twilioAuthToken?: string;
  /**
   * The address Twilio posts to (a tunnel's, say), as Twilio signs it;
   * by default the address the request came in on.
   */
  publicUrl?: string;
  /** URL path → folder, served as files beside the API. */
  staticDirs?: Record<string, string>;
  /** Plays Twilio's delivery callbacks for what the business sends. */
  simulateDelivery?: boolean;
  /** A fresh engine (no state file yet) starts with the July Sale story. */
  seed?: boolean;
}

export interface KitServer {
  engine: Engine;
  app: Express;
  /** Starts listening; resolves with the port. */
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

const TICK_MS = 250;

export function createKitServer(options: KitServerOptions = {}): KitServer {
  const clock = new OffsetClock();
  const engine = new Engine(clock);
  const { stateFile } = options;
  const restored = Boolean(stateFile && existsSync(stateFile));
  if (restored) {
    const savedAt = engine.restore(readFileSync(stateFile!, 'utf8'));
    // Time does not run back past what the engine already stamped.
    clock.offsetMs = Math.max(0, Date.parse(savedAt) - Date.now());
  }

  let written = -1;
  /** Writes the state if it changed since last written. */
  const persist = () => {
    if (!stateFile || engine.events.latestId === written) return;
    writeAtomically(stateFile, engine.snapshot());
    written = engine.events.latestId;
  };
  persist();

  const app = express();
  app.disable('x-powered-by');
  // Nothing is answered before the change it made is on disk.
  app.use((_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      persist();
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    // A stream the client left is cancelled, which ends its subscription.
    res.on('pipe', (source: Readable) => {
      res.on('close', () => source.destroy());
    });
    next();
  });
  if (options.twilioAuthToken) {
    app.use(
      `${DEFAULT_BASE}/webhooks/twilio`,
      express.raw({ type: () => true, limit: '1mb' }),
      signedByTwilio(options.twilioAuthToken, options.publicUrl),
    );
  }
  app.use(createMiddleware(...createHandlers(engine)));
  for (const [path, dir] of Object.entries(options.staticDirs ?? {})) {
    app.use(path, express.static(dir));
  }
  app.use((req, res) => {
    res.status(404).json({
      message: `There is no ${req.method} ${req.path} here.`,
      problems: [],
    });
  });

  const unsubscribe = options.simulateDelivery
    ? simulateDelivery(engine.events, (messageSid, status) => {
        engine.updateDelivery({ messageSid, status });
        persist();
      })
    : () => {};
  // Laid down once the delivery callbacks listen, so the story's texts
  // are delivered too; its history is set back in time as in the demo.
  if (!restored && options.seed) {
    seedJulySale(engine, clock);
    persist();
  }

  // Offers run out and campaigns send on this timer.
  const timer = setInterval(() => {
    engine.tick();
    persist();
  }, TICK_MS);
  timer.unref();

  let server: Server | undefined;
  return {
    engine,
    app,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server = app.listen(port, host, () => {
          const address = server!.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
        server.on('error', reject);
      });
    },
    close() {
      clearInterval(timer);
      unsubscribe();
      persist();
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** Temp file, flushed to disk, renamed over the old one. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/**
 * Lets through only what Twilio signed with the account's auth token; the
 * body is left raw for the handlers to read.
 */
function signedByTwilio(authToken: string, publicUrl?: string): RequestHandler {
  return (req, res, next) => {
    const signature = req.header('x-twilio-signature');
    const origin =
      publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.get('host')}`;
    const url = `${origin}${req.originalUrl}`;
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    const params = Object.fromEntries(new URLSearchParams(body));
    if (
      signature &&
      twilio.validateRequest(authToken, signature, url, params)
    ) {
      return next();
    }
    res.status(403).json({
      message: signature
        ? `X-Twilio-Signature does not match this request to ${url}; it was not signed with this server's TWILIO_AUTH_TOKEN.`
        : 'X-Twilio-Signature is missing; with TWILIO_AUTH_TOKEN set, only requests Twilio signed are taken.',
      problems: [
        {
          path: 'X-Twilio-Signature',
          message: signature ? 'does not match' : 'missing',
        },
      ],
    });
  };
}
