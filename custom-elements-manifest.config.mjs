import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

// `npm run manifest` (part of `npm run build`) writes custom-elements.json from the element classes'
// JSDoc (@attr, @fires, @csspart, @cssprop, @slot) and Lit's properties.
// What the elements keep to themselves (private and protected members,
// internal state) stays out, as do classes that are not elements.
/**
 * The design tokens every element reads (src/shared/styles.ts), set on
 * any ancestor; each element's own @cssprop tags add to these.
 */
const TOKENS = [
  [
    '--sms-kit-color-scheme',
    '`light` or `dark`; the page’s color-scheme by default',
  ],
  ['--sms-kit-color-text', 'Body text'],
  ['--sms-kit-color-muted', 'Secondary text: times, names, hints'],
  ['--sms-kit-color-surface', 'Cards and panels'],
  ['--sms-kit-color-subtle', 'The log’s and other quiet backgrounds'],
  ['--sms-kit-color-border', 'Borders and rules'],
  ['--sms-kit-color-accent', 'Links, the campaign edge, primary buttons'],
  ['--sms-kit-color-accent-soft', 'Soft accent backgrounds'],
  ['--sms-kit-color-customer-bubble', 'A customer’s message'],
  ['--sms-kit-color-agent-bubble', 'An agent’s message'],
  ['--sms-kit-color-agent-bubble-text', 'Text on an agent’s message'],
  ['--sms-kit-color-danger', 'Errors and failed deliveries'],
  ['--sms-kit-color-success', 'Success'],
  ['--sms-kit-color-warning', 'Warnings and away agents'],
  ['--sms-kit-font-family', 'The font; the system UI font by default'],
  ['--sms-kit-radius', 'Corner radius of cards and bubbles'],
  ['--sms-kit-focus-ring', 'The focus outline'],
];

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/react/**', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        // In path order, not the file system's: the same on every clone.
        customElementsManifest.modules.sort((a, b) =>
          a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
        );
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (!declaration.members) continue;
            const hidden = new Set(
              declaration.members
                .filter(
                  (member) =>
                    member.privacy === 'private' ||
                    member.privacy === 'protected' ||
                    /^[_#]/.test(member.name),
                )
                .map((member) => member.name),
            );
            declaration.members = declaration.members.filter(
              (member) => !hidden.has(member.name),
            );
            // Lit's internal state is declared as properties too: no
            // attribute of a hidden field is one a page can set.
            declaration.attributes = declaration.attributes?.filter(
              (attribute) => !hidden.has(attribute.fieldName),
            );
            // A field set by an attribute is described as the attribute is.
            for (const attribute of declaration.attributes ?? []) {
              const field = declaration.members.find(
                (member) => member.name === attribute.fieldName,
              );
              if (field && !field.description && attribute.description) {
                field.description = attribute.description;
              }
            }
            if (declaration.tagName) {
              const own = new Set(
                (declaration.cssProperties ?? []).map((p) => p.name),
              );
              declaration.cssProperties = [
                ...(declaration.cssProperties ?? []),
                ...TOKENS.filter(([name]) => !own.has(name)).map(
                  ([name, description]) => ({ name, description }),
                ),
              ];
            }
            // Only the events an element documents with @fires; the
            // analyzer also guesses at every dispatchEvent it reads.
            declaration.events = declaration.events?.filter(
              (event) => event.name && event.description,
            );
          }
        }
      },
    },
    // HTML and CSS custom data for VS Code, from the same manifest.
    customElementVsCodePlugin({
      outdir: 'dist',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      hideLogs: true,
    }),
  ],
};
