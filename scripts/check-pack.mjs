// The package as a host app gets it: `npm pack`, the tarball installed
// into a copy of examples/host-project, and each entry point type-checked
// there with the host's own strict settings (skipLibCheck off, so the
// shipped .d.ts files are checked too). Run after `npm run build`.
//
//   node scripts/check-pack.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/src/index.js'))) {
  console.error('check-pack: no dist/ here; run `npm run build` first.');
  process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'sms-kit-pack-'));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim();

try {
  const [{ filename }] = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', work], root),
  );
  const host = join(work, 'host');
  cpSync(join(root, 'examples/host-project'), host, {
    recursive: true,
    filter: (path) => !path.includes('node_modules'),
  });
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--ignore-scripts',
      join(work, filename),
    ],
    host,
  );
  // The type checker's complaints go straight to the terminal.
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], {
    cwd: host,
    stdio: 'inherit',
  });
  console.log(
    `check-pack: ${filename} installs, and every entry point type-checks in a host project.`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
