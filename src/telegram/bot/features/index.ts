import type { BotCommandSpec, BotFeature } from '../feature.ts';
import type { BotReach } from '../reach.ts';
import type { LinkSignIn } from '../../link-sign-in/service.ts';
import { linkSignInFeature } from './link-sign-in.ts';
import type { TelegramContacts } from '../../contact.ts';
import { coreFeature } from './core.ts';
import { phoneFeature } from './phone.ts';
import { alertsFeature } from './alerts.ts';
import type { Alerts } from '../../../alerts/service.ts';

/** What features may use from the service; grows as features need more. */
export interface FeatureDeps {
  readonly reach: BotReach;
  /** Sign-in and linking from t.me links (link-sign-in/service.ts). */
  readonly linkSignIn?: Pick<LinkSignIn, 'open' | 'decide' | 'shopName'>;
  /** A number shared with the bot (telegram/contact.ts); without it there is no /phone. */
  readonly contacts?: Pick<TelegramContacts, 'share'> | undefined;
  /** Back-in-stock alerts (alerts/service.ts) and the shop's name; without them there is no /alerts. */
  readonly alerts?: {
    readonly service: Pick<Alerts, 'activeForTelegram' | 'cancelFromTelegram'>;
    readonly shopName: string;
  };
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
  if (deps.alerts) features.push(alertsFeature(deps.alerts.service, deps.alerts.shopName));
  return features;
}
