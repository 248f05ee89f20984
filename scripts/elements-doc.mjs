// docs/elements.md: the element reference, written from
// custom-elements.json (run after the analyzer: `npm run manifest`).
import { readFileSync, writeFileSync } from 'node:fs';
import { customElementsManifestToMarkdown } from '@custom-elements-manifest/to-markdown';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
// Only the elements: the SDK and helpers have their own docs.
const elements = {
  ...manifest,
  modules: manifest.modules
    .map((mod) => ({
      ...mod,
      declarations: (mod.declarations ?? []).filter((d) => d.tagName),
      exports: [],
    }))
    .filter((mod) => mod.declarations.length > 0),
};
const body = customElementsManifestToMarkdown(elements, {
  headingOffset: 1,
  private: 'hidden',
});
writeFileSync(
  'docs/elements.md',
  `# Element reference\n\nWritten by \`npm run manifest\` from \`custom-elements.json\`, which the\nanalyzer reads from each element's doc block; edit those, not this file.\n\n${body}\n`,
);
