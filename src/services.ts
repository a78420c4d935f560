import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import type { Keys } from './crypto/keys.ts';
import type { DatabaseHandle } from './db/index.ts';
import { otpRules } from './otp/limits.ts';
import { createPhoneFlows } from './otp/phone-flows.ts';
import { createOtpRepository } from './otp/repository.ts';
import { createOtpService } from './otp/service.ts';
import type { RateLimiter } from './rate-limit/limiter.ts';
import { createSessionRepository } from './sessions/repository.ts';
import { createSessionService } from './sessions/service.ts';
import { createAccessTokens } from './sessions/tokens.ts';
import { createSmsLogRepository } from './sms/log-repository.ts';
import { createCodeSender } from './sms/sender.ts';
import { createSmsSetup } from './sms/setup.ts';
import { createUserRepository } from './users/repository.ts';

export interface Infrastructure {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly limiter: RateLimiter;
  readonly keys: Keys;
  readonly log: Logger;
  readonly now: () => number;
}

/** Wires the domains onto the infrastructure. Each piece gets only what it uses. */
export function createServices({ config, database, limiter, keys, log, now }: Infrastructure) {
  const { db } = database;
  const sms = createSmsSetup(config, log);
  const users = createUserRepository(db);
  const sender = createCodeSender({
    sms,
    logs: createSmsLogRepository(db, now),
    log,
    webOtpDomain: config.otp.webOtpDomain,
  });
  const otp = createOtpService({
    config,
    keys,
    codes: createOtpRepository(db),
    limiter,
    rules: otpRules(config),
    sender,
    now,
  });
  const sessions = createSessionService({
    config: config.tokens,
    sessions: createSessionRepository(db),
    tokens: createAccessTokens(keys.accessToken, config.tokens, now),
    log,
    now,
  });
  const flows = createPhoneFlows({ config, otp, users, sessions, now });
  return { sms, users, sessions, flows };
}
