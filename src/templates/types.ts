import type { ApprovedTemplate } from '../sms/provider.ts';

/**
 * A message rendered from a template, ready to queue or send. Plain data, so the queue can store it as JSON
 * and a worker in another process can send it later exactly as it was rendered.
 */
export interface RenderedMessage {
  /** The template's key (`otp_login`, `back_in_stock`, ...), or null for a free-text message. */
  readonly template: string | null;
  /** The locale the template was found in (`fa`, `en`, ...), or null for a free-text message. */
  readonly locale: string | null;
  /** The full text, for providers that send free text. Holds any code in clear: mask it before storing. */
  readonly text: string;
  /** The values the template was rendered with. */
  readonly params: Readonly<Record<string, string>>;
  /** For each provider (by its name) that has approved this template: its id there and the arguments in order. */
  readonly approvedBy: Readonly<Record<string, ApprovedTemplate>>;
}

/**
 * Renders templates. `render` rejects with an AppError: `TEMPLATE_NOT_FOUND` (404) when the key has no
 * template in any locale, `TEMPLATE_PARAMS_MISSING` (400, with `missing`) when a placeholder has no value.
 */
export interface TemplateRenderer {
  /**
   * The template for `key` in `locale` (falling back to the default locale, `fa`, when that locale has none,
   * and then to the key's first locale alphabetically), with every placeholder filled from `params`. `locale` may also be a list of preferred locales, best
   * first (from Accept-Language): the first the key has a template in wins.
   */
  render(
    key: string,
    locale: string | readonly string[] | undefined,
    params: Readonly<Record<string, string>>,
  ): Promise<RenderedMessage>;
  /**
   * The template for `key` rendered in each locale it has, and `fallback`, what `render` gives for a locale
   * the key lacks (or none): for a message whose locale a later read decides (see otp/writes/).
   */
  renderEach(key: string, params: Readonly<Record<string, string>>): Promise<EachLocale>;
}

export interface EachLocale {
  readonly byLocale: ReadonlyMap<string, RenderedMessage>;
  readonly fallback: RenderedMessage;
}
