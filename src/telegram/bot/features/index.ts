import type { BotCommandSpec, BotFeature } from '../feature.ts';
import type { BotReach } from '../reach.ts';
import type { LinkSignIn } from '../../link-sign-in/service.ts';
import { linkSignInFeature } from './link-sign-in.ts';
import type { TelegramContacts } from '../../contact.ts';
import { coreFeature } from './core.ts';
import { phoneFeature } from './phone.ts';

/** What features may use from the service; grows as features need more. */
export interface FeatureDeps {
  readonly reach: BotReach;
  /** Sign-in and linking from t.me links (link-sign-in/service.ts). */
  readonly linkSignIn?: Pick<LinkSignIn, 'open' | 'decide' | 'shopName'>;
  /** A number shared with the bot (telegram/contact.ts); without it there is no /phone. */
  readonly contacts?: Pick<TelegramContacts, 'share'> | undefined;
}

/**
 * Every feature the bot has, in the order each is offered an update (and a `/start <payload>`). A new feature
 * is one entry here: `myFeature(deps)`. Core comes first, so that /start, /help and /stop are its own.
 */
export function botFeatures(deps: FeatureDeps): BotFeature[] {
  const features: BotFeature[] = [];
  const commands = (): BotCommandSpec[] => features.flatMap((feature) => feature.commands ?? []);
  features.push(coreFeature(deps.reach, commands));
  if (deps.linkSignIn) features.push(linkSignInFeature(deps.linkSignIn));
  if (deps.contacts) features.push(phoneFeature(deps.contacts));
  return features;
}
