import type {
  ApprovedTemplate,
  DeliveryReport,
  SmsMessage,
  SmsProvider,
  SmsReceipt,
  SmsRejectionReason,
} from '../../../src/sms/provider.ts';

export const CODE = '482915';
export const PASSWORD = 'mp-pass-Zx81q';
export const WRONG_PASSWORD = 'mp-wrong-Yw72r';
export const SECRET = 'whsec-0123456789abcdef';
export const KAVENEGAR_KEY = '4A6B2F3C5D7E-kn-Qp93';
export const SMSIR_KEY = 'smsir-key-Hq27Lm40Vx';
export const WRONG_KEY = 'wrong-key-Tz55Kd18';
export const GATEWAY_TOKEN = 'AAGw-gateway-token-Pq40Ls';
/** What no error message may contain: every credential the harnesses use, right or wrong, and the code. */
export const SECRETS = [PASSWORD, WRONG_PASSWORD, SECRET, KAVENEGAR_KEY, SMSIR_KEY, WRONG_KEY, GATEWAY_TOKEN, CODE];

export const MESSAGE: SmsMessage = {
  to: '+989123456789',
  text: `کد ورود شما: ${CODE}\n\n@shop.example #${CODE}`,
  template: 'otp_login',
  params: { code: CODE, minutes: '2' },
  code: { value: CODE, ttlSeconds: 120 },
};
export const NATIONAL = '09123456789';
export const ARGS: ApprovedTemplate['args'] = [
  { name: 'code', value: CODE },
  { name: 'minutes', value: '2' },
];
export const templated = (id: string, args = ARGS): SmsMessage => ({ ...MESSAGE, approved: { id, args } });

export type Call = (provider: SmsProvider) => Promise<unknown>;
export const sending =
  (message: SmsMessage): Call =>
  (provider) =>
    provider.send(message);
export const statusOf =
  (messageId: string): Call =>
  (provider) =>
    provider.status!(messageId);
export const creditOf: Call = (provider) => provider.credit!();

export interface Failure {
  readonly title: string;
  /** Sets the fake up to fail and returns the provider to call. */
  arrange(): SmsProvider;
  /** The call that fails: sending MESSAGE unless said otherwise. */
  readonly act: Call;
  readonly kind: 'rejected' | 'transport';
  readonly providerCode: string;
  readonly reason: SmsRejectionReason | null;
  /** For a refusal: whether the message may have gone out anyway (`SmsError.mayHaveSent`); false unless said. */
  readonly mayHaveSent?: boolean;
}

export const rejected = (
  title: string,
  arrange: () => SmsProvider,
  providerCode: string,
  reason: SmsRejectionReason,
  act = sending(MESSAGE),
): Failure => ({ title, arrange, act, kind: 'rejected', providerCode, reason });
export const transport = (
  title: string,
  arrange: () => SmsProvider,
  providerCode: string,
  act = sending(MESSAGE),
): Failure => ({
  title,
  arrange,
  act,
  kind: 'transport',
  providerCode,
  reason: null,
});

export type Expected = Pick<DeliveryReport, 'status' | 'final'>;
export const DELIVERED: Expected = { status: 'delivered', final: true };
export const UNDELIVERED: Expected = { status: 'undelivered', final: true };
export const FAILED: Expected = { status: 'failed', final: true };
export const PENDING: Expected = { status: 'sent', final: false };

export interface AnswerValues {
  readonly id?: unknown;
  readonly cost?: unknown;
  readonly state?: unknown;
}

/** One provider over its fake, in the words the contract needs. */
export interface Harness {
  readonly name: string;
  start(): Promise<void>;
  close(): Promise<void>;
  /** A provider aimed at the fake, or at `url` when given. */
  provider(timeoutMs?: number, url?: string): SmsProvider;
  /** The receipt the fake's last accepted message must give: its id and, where the provider says, its cost. */
  lastReceipt(): SmsReceipt | null;
  /** The numbers the provider takes: E.164, Iranian and, where it sends abroad, foreign. */
  readonly numbers: readonly string[];
  /** Asserts that the fake's last request carried `sent` as free text, in the provider's documented form. */
  assertReceived(sent: SmsMessage): void;
  /** For providers with a template call: a message with a template the fake approved, and what must arrive. */
  readonly template?: { readonly message: SmsMessage; assertReceived(): void };
  failNext(how: 'server-error' | 'hang'): void;
  /**
   * Has the fake answer its next call as the provider says yes (HTTP 200, its own envelope), carrying these
   * values where its answers carry them: `id` the message id, `cost`, and `state` the delivery code.
   */
  answerWith(values: AnswerValues): void;
  readonly failures: readonly Failure[];
  /** For providers with `status()`: sends a message, has the fake report `code` for it, and returns its id. */
  readonly delivery?: {
    sentWith(code: number): Promise<string>;
    /** Every documented code, and an undocumented one, with the report it must give. */
    readonly cases: ReadonlyArray<readonly [code: number, expected: Expected]>;
  };
  /** For providers with `credit()`. */
  readonly credit?: { set(amount: number): void; readonly unit: string };
  /** Vendor quirks that only this provider has, each a test of its own. */
  readonly quirks: ReadonlyArray<{ readonly title: string; run(): Promise<void> }>;
}

export const HTML_404 = { status: 404, body: '<html>Not Found</html>' };
export const BOTH_NUMBERS = ['+989123456789', '+447700900123'];
export const national = (e164: string) => (e164.startsWith('+98') ? `0${e164.slice(3)}` : e164.slice(1));
