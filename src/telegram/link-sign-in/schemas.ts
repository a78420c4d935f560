import { Type } from '@sinclair/typebox';
import { SetsSessionCookie } from '../../sessions/schemas.ts';
import { TelegramSignedIn } from '../schemas.ts';
import { MAX_WAIT_SECONDS } from './service.ts';

export const NoBody = Type.Object({}, { additionalProperties: false });

const Url = Type.String({
  description: 'https://t.me/<bot>?start=<token>: open it in Telegram. Whoever opens it first decides; do not share it',
});
const QrSvg = Type.String({ description: 'the same URL as an SVG QR code, to scan with a phone' });

export const StartedLink = Type.Object({
  success: Type.Literal(true),
  url: Url,
  qr_svg: QrSvg,
  expires_in: Type.Integer({ description: 'seconds until the link stops working' }),
});

export const StartedLogin = Type.Object({
  ...StartedLink.properties,
  poll_secret: Type.String({
    description: 'send it to /login/link/poll; keep it in this page only (it takes the session)',
  }),
});

export const PollBody = Type.Object(
  {
    poll_secret: Type.String({ minLength: 1, maxLength: 128 }),
    wait: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 60,
        default: 0,
        description: `seconds to hold the request while the sign-in is pending (long poll); held at most ${MAX_WAIT_SECONDS}`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const Pending = Type.Object({
  success: Type.Literal(true),
  status: Type.Literal('pending', { description: 'not confirmed yet: poll again' }),
  expires_in: Type.Integer({ description: 'seconds until the link stops working' }),
});

export const Over = Type.Object({
  success: Type.Literal(true),
  status: Type.Union([Type.Literal('expired'), Type.Literal('cancelled'), Type.Literal('used')], {
    description:
      'expired: not confirmed in time; cancelled: refused in Telegram; used: its session was already taken. Start again',
  }),
});

const SignedIn = Type.Object(
  { ...TelegramSignedIn.properties, status: Type.Literal('signed_in') },
  { headers: SetsSessionCookie },
);

export const PollAnswer = Type.Union([Pending, Over, SignedIn], { headers: SetsSessionCookie });
