import type { Config } from '../config/index.ts';

/**
 * How often Node looks for requests past their time. Its default (30 s) would let a 10 s limit run to 40 s;
 * one pass a second over the open connections costs next to nothing.
 */
const CONNECTIONS_CHECK_INTERVAL_MS = 1000;

/**
 * The time-outs that keep slow clients from holding connections: a client that trickles its headers or its
 * body (one byte every few seconds resets no timer here) is answered 408 and cut off once
 * HTTP_REQUEST_TIMEOUT_MS have passed since its request began, and a kept-alive connection with no request
 * is closed after HTTP_KEEP_ALIVE_TIMEOUT_MS. Time spent answering (an SMS provider call) is not counted:
 * the request has fully arrived by then. For Fastify's options.
 */
export function httpTimeouts(http: Config['http']) {
  return {
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    http: {
      // Headers get no longer than the whole request; Node refuses a headers limit above the request's.
      headersTimeout: http.requestTimeoutMs,
      requestTimeout: http.requestTimeoutMs,
      connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS,
    },
  };
}
