/** One harness per SMS provider: its local fake, and what the contract suite should see from it. */
export { CODE, MESSAGE, SECRETS, type Harness } from './common.ts';
export { kavenegar } from './kavenegar.ts';
export { melipayamak } from './melipayamak.ts';
export { smsir } from './smsir.ts';
export { webhook } from './webhook.ts';
export { telegramGateway } from './telegram-gateway.ts';
