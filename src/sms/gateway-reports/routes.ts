import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { ErrorCode } from '../../errors/codes.ts';
import { BODY_ERRORS } from '../../http/error-responses.ts';
import { responses } from '../../http/schemas.ts';
import type { GatewayReports } from './service.ts';

/** A RequestStatus is a few hundred bytes; this leaves room for fields Telegram may add. */
const BODY_LIMIT_BYTES = 16 * 1024;

const REPORT_ERRORS: readonly ErrorCode[] = [...BODY_ERRORS, 'UNAUTHORIZED', 'NOT_FOUND', 'DATABASE_UNAVAILABLE'];

const ReportHeaders = Type.Object({
  'x-request-timestamp': Type.Optional(Type.String({ description: 'unix seconds, as Telegram signed it' })),
  'x-request-signature': Type.Optional(
    Type.String({ description: 'hex HMAC-SHA256 of timestamp + "\\n" + body, keyed with SHA-256 of the API token' }),
  ),
});

const Received = Type.Object({ success: Type.Literal(true) });

/**
 * `POST /gateway/report`: Telegram Gateway's delivery reports. The signature covers the body's exact bytes,
 * so this plugin alone reads bodies as raw bytes (whatever their content type); the service parses them
 * after the check.
 */
export const gatewayReportRoutes: FastifyPluginAsyncTypebox<{ reports: GatewayReports }> = async (app, { reports }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/gateway/report',
    {
      bodyLimit: BODY_LIMIT_BYTES,
      schema: {
        tags: ['telegram'],
        summary: "Telegram Gateway's delivery report for a code it carried (called by Telegram)",
        description:
          'The body is a Gateway RequestStatus, signed with the Gateway API token. A report that is signed and ' +
          'fresh (at most 5 minutes old, at most 1 minute ahead) is answered 200 even when it names no message of ' +
          'ours, so that Telegram does not retry it; its delivery status is written to the delivery log.',
        headers: ReportHeaders,
        response: responses(200, Received, REPORT_ERRORS),
      },
    },
    async (request) => {
      const { 'x-request-timestamp': timestamp, 'x-request-signature': signature } = request.headers;
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      await reports.receive({ timestamp, signature }, body);
      return { success: true as const };
    },
  );
};
