import type { BotCommandSpec, BotFeature } from '../feature.ts';
import type { BotReach } from '../reach.ts';
import { coreFeature } from './core.ts';

/** What features may use from the service; grows as features need more. */
export interface FeatureDeps {
  readonly reach: BotReach;
}

/**
 * Every feature the bot has, in the order each is offered an update (and a `/start <payload>`). A new feature
 * is one entry here: `myFeature(deps)`. Core comes first, so that /start, /help and /stop are its own.
 */
export function botFeatures(deps: FeatureDeps): BotFeature[] {
  const features: BotFeature[] = [];
  const commands = (): BotCommandSpec[] => features.flatMap((feature) => feature.commands ?? []);
  features.push(coreFeature(deps.reach, commands));
  return features;
}
