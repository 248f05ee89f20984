/**
 * Storybook controls read from an element's own property declarations,
 * so every attribute it has gets a control under its HTML name, and one
 * added later shows up without anyone touching the stories.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import type { PropertyDeclarations } from 'lit';

interface Declared {
  readonly properties: PropertyDeclarations;
}

/** One control per attribute of `element`: a switch for booleans. */
export function attributeControls(element: Declared): ArgTypes {
  const argTypes: ArgTypes = {};
  for (const [key, declaration] of Object.entries(element.properties)) {
    if (declaration.state || declaration.attribute === false) continue;
    const name =
      typeof declaration.attribute === 'string'
        ? declaration.attribute
        : key.toLowerCase();
    argTypes[name] = {
      control: declaration.type === Boolean ? 'boolean' : 'text',
      table: { category: 'attributes' },
    };
  }
  return argTypes;
}
