import { GrammyError, type Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { DatabaseHandle } from '../../db/index.ts';
import { createPollerRepository } from './poller-repository.ts';
import { ALLOWED_UPDATES } from './allowed-updates.ts';
import { botIdOf } from './updates.ts';

/** The slice of a pino logger the poller needs. */
export interface PollerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface PollerOptions {
  readonly database: DatabaseHandle;
  /**
   * The Bot API client. Its own timeout must leave room for the long poll's hold (createBotApi's
   * `timeoutSeconds`), or every quiet poll ends as a timeout.
   */
  readonly api: Api;
  /**
   * Handles one update. Throws when the update must be tried again: the poller then does not move past it,
   * and tries it again after a pause, however often that takes.
   */
  readonly handle: (update: Update) => Promise<unknown>;
  /** This poller, as the lease names it: unique to the process (a restart is another holder). */
  readonly holderId: string;
  /** For `updated_at`; leases are on the database's clock. */
  readonly now: () => number;
  readonly log: PollerLog;
  /**
   * How long the lease holds without renewal: how soon another instance takes over from one that died.
   * Renewed every third of it.
   * @default 10_000
   */
  readonly leaseMs?: number;
  /**
   * The long poll's `timeout`: how long Telegram holds a getUpdates open when there is nothing to answer.
   * Shorter than the lease.
   * @default 8
   */
  readonly pollTimeoutSeconds?: number;
  /** The first pause after a failure (a poll, or an update the handler threw on); doubles up to 30 s. @default 1000 */
  readonly retryMs?: number;
}

export interface Poller {
  /** Starts trying to take the lease, and polls while it holds it. A no-op when started. */
  start(): void;
  /**
   * Ends the long poll at once, lets an update being handled finish (and its offset be stored), and gives the
   * lease up so that another instance takes over without waiting for it to lapse.
   */
  stop(): Promise<void>;
  /** Whether this poller holds the lease now. */
  holding(): boolean;
}

export const DEFAULT_LEASE_MS = 10_000;
export const DEFAULT_POLL_TIMEOUT_SECONDS = 8;
const MAX_RETRY_MS = 30_000;
/** How many times one update is tried before polling leaves it (about a minute of pauses: 1, 2, 4, 8, 16 s). */
export const MAX_UPDATE_TRIES = 6;

/** How long one getUpdates may take, retries by auto-retry included, beyond its hold. */
const POLL_CALL_SLACK_MS = 60_000;

/**
 * Long polling for a deployment of several instances: exactly one polls at a time, the one holding the bot's
 * row in `telegram_bot_pollers` (poller-repository.ts); the others try to take it every fifth of the lease, so
 * one of them takes over within about a lease of the holder's death. Telegram allows one getUpdates at a
 * time per bot (a second answers 409 and ends the first), which is why the choice is made in the database.
 *
 * The offset lives in the database too, written after each update is handled and fenced on the lease: a
 * poller that lost its lease writes nothing more, and whoever polls next starts after the last update
 * handled. An update is handled at least once; a takeover in the middle of one can hand it to the next
 * holder again, so the handler must recognise an update_id it has already handled.
 */
export function createPoller(options: PollerOptions): Poller {
  const { api, handle, holderId, log } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollTimeoutSeconds = options.pollTimeoutSeconds ?? DEFAULT_POLL_TIMEOUT_SECONDS;
  if (pollTimeoutSeconds * 1000 >= leaseMs) {
    throw new Error('createPoller: the long poll must be shorter than the lease');
  }
  const retryMs = options.retryMs ?? 1000;
  const delay = (failures: number) => Math.min(MAX_RETRY_MS, retryMs * 2 ** Math.max(0, failures - 1));
  // The bot's numeric id: the token's secret part stays out of the database.
  const repository = createPollerRepository(options.database, botIdOf(api.token), options.now);
  let stopping: AbortController | null = null;
  let loop: Promise<void> | null = null;
  let held = false;
  // Kept across tenures: a lease lost and taken again does not make a failing update's retries come faster.
  let pollFailures = 0;
  let handleFailures = 0;

  async function run(stop: AbortSignal): Promise<void> {
    while (!stop.aborted) {
      const asked = performance.now();
      let offset: number | null = null;
      try {
        offset = await repository.acquire(holderId, leaseMs);
      } catch (error) {
        log.warn({ reason: reasonOf(error) }, 'Telegram polling: could not ask the database for the lease');
      }
      if (offset === null) {
        await pause(leaseMs / 5, stop);
        continue;
      }
      log.info({ holder: holderId, offset }, 'Telegram polling: this instance polls for the bot');
      held = true;
      try {
        await tenure(offset, asked + leaseMs, stop);
      } finally {
        held = false;
      }
    }
    try {
      await repository.release(holderId);
    } catch (error) {
      log.warn({ reason: reasonOf(error) }, 'Telegram polling: could not give the lease up; it will lapse');
    }
  }

  /**
   * Polls while the lease holds. `heldUntil` is when the lease surely lapses by this process's own clock,
   * counted from before the statement that last took or renewed it was sent: past it nothing is handled,
   * even if the database could not be asked meanwhile.
   */
  async function tenure(startOffset: number, heldUntil: number, stop: AbortSignal): Promise<void> {
    const ended = new AbortController();
    const end = () => ended.abort();
    stop.addEventListener('abort', end, { once: true });
    let renewing = false;
    const renewal = setInterval(async () => {
      if (renewing || ended.signal.aborted) return;
      renewing = true;
      const asked = performance.now();
      try {
        if (await repository.renew(holderId, leaseMs)) heldUntil = asked + leaseMs;
        else {
          log.warn({ holder: holderId }, 'Telegram polling: the lease lapsed or another took it over; this one stops');
          end();
        }
      } catch (error) {
        log.warn({ reason: reasonOf(error) }, 'Telegram polling: could not renew the lease');
      } finally {
        renewing = false;
      }
    }, leaseMs / 3);
    const holds = () => !ended.signal.aborted && performance.now() < heldUntil;

    let offset = startOffset;
    // A webhook makes getUpdates answer 409, so it goes first (as grammY's bot.start does), and again after a 409.
    let webhookCleared = false;
    try {
      while (holds()) {
        let updates: Update[];
        try {
          if (!webhookCleared) await api.deleteWebhook({}, forGrammy(ended.signal));
          webhookCleared = true;
          const signal = AbortSignal.any([
            ended.signal,
            AbortSignal.timeout(pollTimeoutSeconds * 1000 + POLL_CALL_SLACK_MS),
          ]);
          updates = await api.getUpdates(
            { offset, timeout: pollTimeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] },
            forGrammy(signal),
          );
          pollFailures = 0;
        } catch (error) {
          if (ended.signal.aborted) break;
          if (error instanceof GrammyError && error.error_code === 409) webhookCleared = false;
          log.warn({ reason: reasonOf(error) }, 'Telegram polling: getUpdates failed; will try again');
          await pause(delay(++pollFailures), ended.signal);
          continue;
        }

        let failed = false;
        for (const update of updates) {
          if (!holds()) break;
          try {
            await handle(update);
          } catch (error) {
            if (++handleFailures < MAX_UPDATE_TRIES) {
              failed = true;
              log.error(
                { updateId: update.update_id, reason: reasonOf(error) },
                'Telegram polling: an update could not be handled; it will be tried again',
              );
              break;
            }
            // One update that always fails (a bug, a template that cannot render) must not stop the bot for
            // everyone behind it: after MAX_UPDATE_TRIES it is left, as Telegram leaves a webhook update.
            log.error(
              { updateId: update.update_id, reason: reasonOf(error), tries: handleFailures },
              'Telegram polling: an update failed every try; it is skipped',
            );
          }
          handleFailures = 0;
          if (!(await repository.advance(holderId, update.update_id + 1))) {
            log.warn({ holder: holderId }, 'Telegram polling: the lease was lost; this instance stops polling');
            end();
            break;
          }
          offset = update.update_id + 1;
        }
        // The next getUpdates asks from the update that failed: it comes back, after a pause.
        if (failed) await pause(delay(handleFailures), ended.signal);
      }
    } catch (error) {
      // The database failed to store an offset: start over from what it holds, once it answers.
      log.warn({ reason: reasonOf(error) }, 'Telegram polling: could not store the offset; starting over');
    } finally {
      clearInterval(renewal);
      stop.removeEventListener('abort', end);
      end();
    }
  }

  return {
    start() {
      if (loop) return;
      stopping = new AbortController();
      loop = run(stopping.signal);
    },
    async stop() {
      stopping?.abort();
      await loop;
      loop = null;
      stopping = null;
    },
    holding: () => held,
  };
}

/** grammY types its signals with the abort-controller shim's class; Node's own is what it uses on Node. */
const forGrammy = (signal: AbortSignal) => signal as Parameters<Api['getUpdates']>[1];

/** Waits `ms`, or less if `signal` aborts; never rejects. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * What went wrong, for the log: grammY's message names the method and Telegram's description, never the
 * token (its network errors leave the URL out unless asked to log it).
 */
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
