/**
 * The language the kit's elements speak: English, which is written in the
 * code, or Spanish. Every visible string goes through @lit/localize's
 * `msg()`, and every element draws again when the language changes. Dates
 * and relative times follow the chosen language too; until one is chosen,
 * the browser's.
 *
 * @lit/localize is configured once a page, on the first `setLocale()`. A
 * host page that configures it itself cannot also use this switch.
 */
import { configureLocalization } from '@lit/localize';
import {
  allLocales,
  sourceLocale,
  targetLocales,
} from '../generated/locale-codes.js';

export type KitLocale = (typeof allLocales)[number];
export { allLocales as kitLocales };

const load = {
  es: () => import('../generated/locales/es.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

let configured: ReturnType<typeof configureLocalization> | undefined;

/** The language chosen with `setLocale`, or undefined before any is. */
export function kitLocale(): KitLocale | undefined {
  return configured?.getLocale() as KitLocale | undefined;
}

/**
 * Switches every element of the kit to `locale` (`en` or `es`), and
 * resolves once they speak it. Anything else is refused with a clear error.
 */
export async function setLocale(locale: KitLocale): Promise<void> {
  if (!(allLocales as readonly string[]).includes(locale)) {
    throw new RangeError(
      `sms-campaign-kit speaks ${allLocales.join(' and ')}, not "${String(locale)}".`,
    );
  }
  try {
    configured ??= configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: (code) => load[code as keyof typeof load](),
    });
  } catch (error) {
    throw new Error(
      'sms-campaign-kit could not set its language: @lit/localize is already configured on this page (only one configuration a page is allowed).',
      { cause: error },
    );
  }
  await configured.setLocale(locale);
}
