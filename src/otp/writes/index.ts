import type { DatabaseHandle } from '../../db/index.ts';
import type { SessionRepository } from '../../sessions/repository.ts';
import type { SmsLogRepository } from '../../sms/log-repository.ts';
import type { UserRepository } from '../../users/repository.ts';
import type { OtpRepository } from '../repository.ts';
import { postgresWrites } from './postgres.ts';
import { sequentialWrites } from './sequential.ts';
import type { CodeWrites } from './types.ts';
import { NO_EVENTS, type EventRecorder } from '../../events/recorder.ts';

export type { CodeWrites } from './types.ts';

/** The code request's and sign-in's writes for this database (see types.ts). */
export function createCodeWrites(
  database: DatabaseHandle,
  repositories: { codes: OtpRepository; logs: SmsLogRepository; users: UserRepository; sessions: SessionRepository },
  events: EventRecorder = NO_EVENTS,
): CodeWrites {
  const sequential = sequentialWrites({ ...repositories, database, events });
  return database.pool ? postgresWrites(database.pool, sequential, repositories, events) : sequential;
}
