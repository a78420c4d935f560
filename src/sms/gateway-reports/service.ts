import { AppError } from '../../errors/app-error.ts';
import type { SmsEvents } from '../dispatcher.ts';
import { parseJsonObject } from '../http.ts';
import type { DeliveryReport } from '../provider.ts';
import { TELEGRAM_GATEWAY } from '../providers/telegram-gateway.ts';
import type { PollRepository } from '../queue/poll-repository.ts';
import { checkReport } from './signature.ts';

/**
 * `delivery_status.status` → where the message is. `sent` (on the recipient's devices) is not final: `read`
 * may follow, and is `delivered`. `revoked` (deleted unread at its `ttl`, or revoked) is `undelivered`.
 * `delivered` and `expired` are not in the reference but Gateway clients list them (UNCONFIRMED), and read
 * the same way. Any other status is kept as the provider's status without ending the row.
 */
const DELIVERY: Readonly<Record<string, Pick<DeliveryReport, 'status' | 'final'>>> = {
  sent: { status: 'sent', final: false },
  delivered: { status: 'delivered', final: true },
  read: { status: 'delivered', final: true },
  expired: { status: 'undelivered', final: true },
  revoked: { status: 'undelivered', final: true },
};

/** A delivery status as we keep it: a short lower-case word; anything else is not Telegram's. */
const STATUS = /^[a-z_]{1,32}$/;

export interface ReportHeaders {
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
}

/** What became of a report: written to its row, or nothing to do (not ours, no status, row already final). */
export type ReportOutcome = 'recorded' | 'ignored';

/**
 * Telegram Gateway's delivery reports (a RequestStatus, POSTed to our callback URL), written to the
 * message's `sms_logs` row the way the delivery poller writes what it reads (poll-repository.ts `record`).
 * A report is refused only when it is not Telegram's (a bad signature) or is too old; anything signed that
 * we cannot use is answered as done, since Telegram would otherwise retry it ten times for nothing.
 */
export function createGatewayReports(deps: {
  /** TELEGRAM_GATEWAY_TOKEN; without it the route answers 404, since no report can be ours. */
  token: string | undefined;
  polls: Pick<PollRepository, 'findSent' | 'record'>;
  now: () => number;
  events?: Pick<SmsEvents, 'smsMessage'> | undefined;
}) {
  const { token, polls, now, events } = deps;

  return {
    /**
     * Checks and records one report. Throws UNAUTHORIZED for a report that is not Telegram's or is stale, and
     * NOT_FOUND without a token.
     */
    async receive(headers: ReportHeaders, rawBody: Buffer): Promise<ReportOutcome> {
      if (token === undefined) throw new AppError('NOT_FOUND');
      const check = checkReport(token, headers.timestamp, headers.signature, rawBody, now());
      if (check === 'invalid') throw new AppError('UNAUTHORIZED', 'the report is not signed with our Gateway token');
      if (check === 'stale') throw new AppError('UNAUTHORIZED', 'the report is too old, or dated in the future');

      const {
        request_id: requestId,
        payload,
        delivery_status: delivery,
      } = parseJsonObject(rawBody.toString('utf8')) ?? {};
      const status = (delivery as { status?: unknown } | null | undefined)?.status;
      // Our row id rides in `payload`: the lookup is by primary key, and a report names its row twice.
      if (typeof requestId !== 'string' || typeof payload !== 'string' || typeof status !== 'string') return 'ignored';
      if (!STATUS.test(status)) return 'ignored';
      const row = await polls.findSent(payload, TELEGRAM_GATEWAY, requestId);
      if (!row) return 'ignored';
      const report: DeliveryReport = {
        ...(DELIVERY[status] ?? { status: 'sent', final: false }),
        providerStatus: status,
      };
      if (!(await polls.record(row, report))) return 'ignored';
      if (report.final) {
        events?.smsMessage({ provider: TELEGRAM_GATEWAY, template: row.template ?? 'text', status: report.status });
      }
      return 'recorded';
    },
  };
}

export type GatewayReports = ReturnType<typeof createGatewayReports>;
