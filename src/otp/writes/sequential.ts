import type { SessionRepository } from '../../sessions/repository.ts';
import type { SmsLogRepository } from '../../sms/log-repository.ts';
import { inLocale } from '../../sms/sender.ts';
import type { DatabaseHandle } from '../../db/index.ts';
import { writeTogether } from '../../db/together.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { UserRepository } from '../../users/repository.ts';
import type { OtpRepository } from '../repository.ts';
import { chosenLocale, type CodeWrites, type LogDraft } from './types.ts';

/**
 * The writes as the repositories' statements in turn: SQLite, where each is a call into the process and the
 * group commit makes one commit of a request's writes. A part is never given here (the database store
 * counts on SQLite by itself), so the limiter counts before `issue` and gives back after `settle`.
 */
export function sequentialWrites(deps: {
  codes: OtpRepository;
  logs: SmsLogRepository;
  users: UserRepository;
  sessions: SessionRepository;
  database: DatabaseHandle;
  events: EventRecorder;
}): CodeWrites {
  const { codes, logs, users, sessions, database, events } = deps;

  async function writeLog({ id, message, recipient }: LogDraft): Promise<string | null> {
    let stored: string | null = null;
    if (message.byLocale.size > 0) {
      stored =
        'userId' in recipient
          ? ((await users.findById(recipient.userId))?.locale ?? null)
          : await users.localeByPhone(recipient.phoneNumber);
    }
    const locale = chosenLocale(message, stored);
    const entry = {
      phoneNumber: message.to,
      template: message.template,
      locale,
      provider: message.provider,
      text: inLocale(message, locale).masked,
    };
    await (message.test ? logs.recordWithoutProvider(entry, id) : logs.start(entry, id));
    return locale;
  }

  return {
    async issue({ code, now, log }) {
      const codeId = await codes.replace(code, now, { unlessPending: true, id: code.id });
      if (codeId === undefined) return { value: { codeId, locale: null } };
      return { value: { codeId, locale: await writeLog(log) } };
    },
    log: (draft) => writeLog(draft),
    async settle({ log, code }) {
      if (log) await logs.finish(log.id, log.outcome, log.template);
      if (code?.then === 'clear') await codes.clearPending(code.id);
      if (code?.then === 'keep') await codes.markPending(code.id, code.sealed);
      if (code?.then === 'discard') await codes.discard(code.id);
    },
    async attempt({ challengeKey, codeHash, now }) {
      return { value: await codes.consume(challengeKey, codeHash, now) };
    },
    async signIn({ userId, phoneNumber, now, session }) {
      if (!events.enabled) {
        const signedIn = await users.signIn(phoneNumber, now);
        // A blocked user gets no session (see SignInDraft).
        if (signedIn.user.blocked_at === null)
          await sessions.insert({ ...session, userId: signedIn.user.id }, now, session.id);
        return signedIn;
      }
      // Each event with the write it reports (db/together.ts): the user's creation, then the session.
      const created = events.row('user.created', { user_id: userId, phone_number: phoneNumber }, now);
      const [fresh] = await writeTogether(database, users.insertStatement({ id: userId, phoneNumber, now }), created);
      const signedIn = fresh ? { user: fresh, isNew: true } : await users.signIn(phoneNumber, now);
      if (signedIn.user.blocked_at !== null) return signedIn;
      const row = { ...session, userId: signedIn.user.id, id: session.id, now };
      const signedInEvent = events.row(
        'user.signed_in',
        { user_id: signedIn.user.id, session_id: session.familyId, method: 'sms' },
        now,
      );
      await writeTogether(database, sessions.insertStatement(row), signedInEvent);
      return signedIn;
    },
  };
}
