// dist/cdn/: the kit for a page with no build step, Lit included.
//
// - sms-campaign-kit.js: the SDK and every element in one file; phone
//   formatting and the Spanish texts load from chunks/ on first use.
// - sdk.js: the client and its types' schemas, no elements.
// - autoloader.js: each tag's code loads when the tag first appears
//   (elements/ and their shared chunks/).
//
// Two builds, so the one file shares no chunks with the autoloader's.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = 'dist/cdn';
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
};

await build({
  ...common,
  entryPoints: { 'sms-campaign-kit': 'src/index.ts' },
  outdir,
});

// The SDK alone, for a page that draws its own views.
await build({
  ...common,
  entryPoints: { sdk: 'src/sdk/index.ts' },
  outdir,
});

await build({
  ...common,
  entryPoints: { autoloader: 'src/autoloader.ts' },
  outdir,
  // Each element's own chunk, named for its tag.
  chunkNames: 'elements/[name]-[hash]',
});
