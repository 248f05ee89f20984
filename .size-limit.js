// `npx size-limit` (CI runs it after the build): brotli sizes.
//
// Issue 5 sets the budgets at 20 kB for the embed bundle, 6 kB for the
// SDK alone and 5 kB for each element beyond Lit. The kit is well over
// most of them (README, Size); those limits hold today's sizes, so they
// can only shrink. An element within the budget is held to the budget.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const LIT = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'];
// Loaded on first use, so not counted: phone formatting, the Spanish
// texts, the segment counter (when a composer connects) and positioning
// (when a hovercard is about to open).
const LAZY = [
  'libphonenumber-js',
  'sms-segments-calculator',
  'grapheme-splitter',
  '@floating-ui/dom',
];

/**
 * `file` and the chunks it imports statically, all of which a page loads
 * before the file runs; chunks it imports with `import()` load later.
 */
function atStart(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const code = readFileSync(file, 'utf8');
  const imports = [...code.matchAll(/(?:from|import)\s*"(\.[^"]+)"/g)];
  return [
    file,
    ...imports.flatMap(([, path]) => atStart(join(dirname(file), path), seen)),
  ];
}
/** Each element's module, and what it may weigh beyond Lit. */
const LIMITS = {
  'campaign-answer': '7.1 kB',
  'campaign-progress': '21.9 kB',
  'number-hovercard': '5 kB',
  'reply-marker': '7 kB',
  'routed-queue': '24.3 kB',
  'sms-attachment': '5 kB',
  'sms-composer': '24.3 kB',
  'sms-timeline': '40.7 kB',
};

export default [
  {
    name: 'the embed bundle: every element and the SDK, Lit included',
    path: atStart('dist/cdn/sms-campaign-kit.js'),
    disablePlugins: ['@size-limit/esbuild'],
    limit: '53.3 kB',
  },
  {
    name: 'the SDK alone',
    path: atStart('dist/cdn/sdk.js'),
    disablePlugins: ['@size-limit/esbuild'],
    limit: '16 kB',
  },
  ...Object.entries(LIMITS).map(([tag, limit]) => ({
    name: `<${tag}> beyond Lit`,
    path: `src/${tag}/define.ts`,
    ignore: [...LIT, ...LAZY],
    modifyEsbuildConfig: (config) => ({
      ...config,
      external: [...(config.external ?? []), '*/generated/locales/es.js'],
    }),
    limit,
  })),
];
