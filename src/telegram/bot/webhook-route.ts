import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Update } from 'grammy/types';
import { AppError } from '../../errors/app-error.ts';
import type { ErrorCode } from '../../errors/codes.ts';
import { BODY_ERRORS } from '../../http/error-responses.ts';
import { responses } from '../../http/schemas.ts';
import type { TelegramBot } from './bot.ts';

/** An update is a message or a callback with its entities: a few KB; this leaves room and no more. */
const BODY_LIMIT_BYTES = 256 * 1024;

const WEBHOOK_ERRORS: readonly ErrorCode[] = [
  ...BODY_ERRORS,
  'UNAUTHORIZED',
  'TELEGRAM_WEBHOOK_OFF',
  'DATABASE_UNAVAILABLE',
];

const WebhookHeaders = Type.Object({
  'x-telegram-bot-api-secret-token': Type.Optional(
    Type.String({ description: 'TELEGRAM_WEBHOOK_SECRET, as given to setWebhook' }),
  ),
});

// Telegram may add fields to an Update at any time: only the id is ours to require.
const UpdateBody = Type.Object(
  { update_id: Type.Integer({ minimum: 0 }) },
  { additionalProperties: Type.Unknown(), description: 'a Telegram Update' },
);

const Received = Type.Object({ success: Type.Literal(true) });

/**
 * `POST /webhook`: the bot's updates, from Telegram (`setWebhook` with our secret). On only when
 * TELEGRAM_UPDATES is `webhook`. Any answer but 2xx makes Telegram deliver the update again, which is what a
 * failed handling (5xx) or an update another instance holds right now (503) want.
 */
export const telegramWebhookRoutes: FastifyPluginAsyncTypebox<{ bot: TelegramBot | null }> = async (app, { bot }) => {
  const secret = bot?.config.updates === 'webhook' ? bot.config.webhookSecret : null;
  const expected = secret === null ? null : digest(secret);

  app.post(
    '/webhook',
    {
      bodyLimit: BODY_LIMIT_BYTES,
      schema: {
        tags: ['telegram'],
        summary: "The Telegram bot's updates (called by Telegram)",
        description:
          'Answered 200 once the update is handled, or when it was handled before (Telegram delivers an update ' +
          'again when an answer is late). 503 while another instance is handling the same update, and 5xx when ' +
          'handling failed: Telegram then delivers it again.',
        headers: WebhookHeaders,
        body: UpdateBody,
        response: responses(200, Received, WEBHOOK_ERRORS),
      },
      // Before the body is validated: a caller without the secret learns nothing about what we accept.
      preValidation: async (request) => {
        if (!bot || expected === null) throw new AppError('TELEGRAM_WEBHOOK_OFF');
        const given = request.headers['x-telegram-bot-api-secret-token'];
        // Digests of equal length, so the comparison takes the same time whatever was sent.
        if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
          throw new AppError('UNAUTHORIZED', 'the secret token is missing or wrong');
        }
      },
    },
    async (request) => {
      const outcome = await bot!.updates.handle(request.body as Update);
      if (outcome === 'busy')
        throw new AppError('SERVICE_UNAVAILABLE', 'this update is being handled; deliver it again');
      return { success: true as const };
    },
  );
};

const digest = (value: string) => createHash('sha256').update(value).digest();
