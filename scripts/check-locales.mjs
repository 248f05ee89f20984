// Every string the elements show must have its Spanish, and the modules
// the kit loads must be built from the translations as they are. This
// extracts and builds again, then says what is missing or out of date.
//   npm run localize   (after changing a string: extract, translate, build)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const run = (...args) =>
  execFileSync('npx', ['lit-localize', ...args], { stdio: 'pipe' });
const before = {
  xliff: readFileSync('xliff/es.xlf', 'utf8'),
  built: readFileSync('src/generated/locales/es.ts', 'utf8'),
};
run('extract');
const xliff = readFileSync('xliff/es.xlf', 'utf8');
const untranslated = xliff
  .split('<trans-unit ')
  .slice(1)
  .filter((unit) => !unit.includes('<target>'))
  .map((unit) => `  ${unit.slice(0, unit.indexOf('</source>') + 9).trim()}`);
if (untranslated.length > 0) {
  console.error(
    `xliff/es.xlf has ${untranslated.length} string(s) with no Spanish yet; add a <target> to each, then run npm run localize:\n${untranslated.join('\n')}`,
  );
  process.exit(1);
}
run('build');
const built = readFileSync('src/generated/locales/es.ts', 'utf8');
if (xliff !== before.xliff || built !== before.built) {
  console.error(
    'The strings or their translations changed since src/generated was built; run npm run localize and commit what it writes.',
  );
  process.exit(1);
}
