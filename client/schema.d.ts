/**
 * The otpgate HTTP API as TypeScript types: `paths` for openapi-fetch, `components` for the shared
 * schemas (ErrorEnvelope holds every error code).
 *
 * Generated from the service's OpenAPI document by `npm run generate` (openapi-typescript); do not edit.
 */

export interface paths {
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document (OpenAPI 3.1); /docs shows it as a page */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            openapi: "3.1.0";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/livez": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: 200 while the process runs (health is readiness) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/otp/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What is configured and whether the database answers
         * @description The version, the environment and each SMS provider with its breaker state are shown only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            success: boolean;
                            status: "ok" | "degraded";
                            /** @description only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                            version?: string;
                            /** @description only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                            environment?: string;
                            database: {
                                status: "ok" | "unavailable" | "behind";
                                dialect: string;
                                schema_version: number | null;
                                latest_schema_version: number;
                                /** @description PostgreSQL only; only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                                pool?: {
                                    /** @description DATABASE_POOL_SIZE */
                                    size: number;
                                    open: number;
                                    idle: number;
                                    /** @description requests waiting for a connection now: above zero for long, the database is the limit */
                                    waiting: number;
                                };
                            };
                            events: {
                                /** @description whether events are sent to EVENTS_WEBHOOK_URL */
                                configured: boolean;
                            };
                            /** @description which ways of signing in with Telegram are on; never a token or secret */
                            telegram: {
                                widget: {
                                    /** @description TELEGRAM_BOT_TOKEN is set */
                                    configured: boolean;
                                };
                                webapp: {
                                    /** @description TELEGRAM_BOT_TOKEN is set */
                                    configured: boolean;
                                };
                                oidc: {
                                    /** @description TELEGRAM_OIDC_CLIENT_ID, its secret and return URLs are set */
                                    configured: boolean;
                                };
                                bot: {
                                    /** @description TELEGRAM_BOT_TOKEN is set: the bot can write to users */
                                    configured: boolean;
                                    /** @description how the bot takes updates (TELEGRAM_UPDATES); off without a token */
                                    updates: "webhook" | "polling" | "off";
                                };
                            };
                            sms: {
                                enabled: boolean;
                                configured: boolean;
                                /** @description whether code requests can be served at all */
                                available: boolean;
                                /** @description the first provider messages are tried on; only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                                provider?: string;
                                mode: "live" | "development";
                                /** @description every provider, in the order messages are tried on them; only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                                providers?: {
                                    name: string;
                                    /** @description a live provider with its settings (false for the console fallback) */
                                    configured: boolean;
                                    /** @description this instance's circuit breaker for code messages through the provider */
                                    state: "closed" | "open" | "half_open";
                                    /** @description this instance's circuit breaker for queued messages, separate from the codes' one */
                                    queue_state: "closed" | "open" | "half_open";
                                    /** @description how many calls a second the queue makes to the provider now, learned from its 429s */
                                    queue_rate_per_second: number;
                                }[];
                                /** @description how many numbers get no SMS (SMS_TEST_NUMBERS); only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                                test_numbers?: number;
                            };
                            rate_limit: {
                                /** @description where counters go at this moment */
                                store: "database" | "redis";
                                /** @description degraded: Redis is configured but unreachable, and the database counts instead */
                                status: "ok" | "degraded";
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description degraded (the database does not answer or is behind), or SERVICE_UNAVAILABLE while closing */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            success: boolean;
                            status: "ok" | "degraded";
                            /** @description only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                            version?: string;
                            /** @description only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                            environment?: string;
                            database: {
                                status: "ok" | "unavailable" | "behind";
                                dialect: string;
                                schema_version: number | null;
                                latest_schema_version: number;
                                /** @description PostgreSQL only; only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                                pool?: {
                                    /** @description DATABASE_POOL_SIZE */
                                    size: number;
                                    open: number;
                                    idle: number;
                                    /** @description requests waiting for a connection now: above zero for long, the database is the limit */
                                    waiting: number;
                                };
                            };
                            events: {
                                /** @description whether events are sent to EVENTS_WEBHOOK_URL */
                                configured: boolean;
                            };
                            /** @description which ways of signing in with Telegram are on; never a token or secret */
                            telegram: {
                                widget: {
                                    /** @description TELEGRAM_BOT_TOKEN is set */
                                    configured: boolean;
                                };
                                webapp: {
                                    /** @description TELEGRAM_BOT_TOKEN is set */
                                    configured: boolean;
                                };
                                oidc: {
                                    /** @description TELEGRAM_OIDC_CLIENT_ID, its secret and return URLs are set */
                                    configured: boolean;
                                };
                                bot: {
                                    /** @description TELEGRAM_BOT_TOKEN is set: the bot can write to users */
                                    configured: boolean;
                                    /** @description how the bot takes updates (TELEGRAM_UPDATES); off without a token */
                                    updates: "webhook" | "polling" | "off";
                                };
                            };
                            sms: {
                                enabled: boolean;
                                configured: boolean;
                                /** @description whether code requests can be served at all */
                                available: boolean;
                                /** @description the first provider messages are tried on; only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                                provider?: string;
                                mode: "live" | "development";
                                /** @description every provider, in the order messages are tried on them; only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                                providers?: {
                                    name: string;
                                    /** @description a live provider with its settings (false for the console fallback) */
                                    configured: boolean;
                                    /** @description this instance's circuit breaker for code messages through the provider */
                                    state: "closed" | "open" | "half_open";
                                    /** @description this instance's circuit breaker for queued messages, separate from the codes' one */
                                    queue_state: "closed" | "open" | "half_open";
                                    /** @description how many calls a second the queue makes to the provider now, learned from its 429s */
                                    queue_rate_per_second: number;
                                }[];
                                /** @description how many numbers get no SMS (SMS_TEST_NUMBERS); only with `Authorization: Bearer <METRICS_TOKEN>`, an admin API key with providers:read, or the access token of a staff member whose role has it */
                                test_numbers?: number;
                            };
                            rate_limit: {
                                /** @description where counters go at this moment */
                                store: "database" | "redis";
                                /** @description degraded: Redis is configured but unreachable, and the database counts instead */
                                status: "ok" | "degraded";
                            };
                        } | {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/otp/phone/login/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a sign-in code by SMS or Telegram
         * @description The message's language: the best of Accept-Language that has a template; without that header, the user's stored locale (PATCH /api/v1/auth/me); otherwise Persian. With `channel` telegram or auto and the bot configured, the code goes as a bot message to the Telegram account linked to the number, when the bot can reach it, and by SMS otherwise or when the bot cannot deliver within TELEGRAM_CODE_TIMEOUT_MS. The answer is the same either way unless TELEGRAM_CODE_CHANNEL_DISCLOSE=true.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description the message's language: the best of these that has a template; without it, the user's stored locale
                     * @example en-GB, en;q=0.8, fa;q=0.5
                     */
                    "accept-language"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A mobile number as typed: national or international form, Persian or Arabic-Indic digits allowed
                         * @example 09123456789
                         */
                        phone_number: string;
                        /** @description sms (the default), or telegram / auto (the same): by the bot to the Telegram account linked to the number's account when it can reach it, else by SMS. Without the bot configured, always SMS. */
                        channel?: "sms" | "telegram" | "auto";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            /** @description seconds until the code expires */
                            expires_in: number;
                            /** @description seconds until another code may be requested */
                            resend_in: number;
                            /** @description which way the code went; only with TELEGRAM_CODE_CHANNEL_DISCLOSE=true */
                            channel?: "sms" | "telegram";
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `SMS_FAILED`: The SMS could not be sent; try again; `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "SMS_FAILED" | "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/otp/phone/login/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with the code
         * @description With SESSION_COOKIE and an Origin of CORS_ORIGINS or the service itself, the refresh token is set as the HttpOnly otpgate_refresh cookie and left out of the body.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A mobile number as typed: national or international form, Persian or Arabic-Indic digits allowed
                         * @example 09123456789
                         */
                        phone_number: string;
                        /**
                         * @description The code from the SMS
                         * @example 123456
                         */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description with SESSION_COOKIE: otpgate_refresh=<token>; HttpOnly; SameSite=Lax; Path=/api/v1/auth (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            access_token: string;
                            /** @description absent when SESSION_COOKIE is on and the request came from an allowed Origin: the token is then only in the HttpOnly otpgate_refresh cookie */
                            refresh_token?: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @description seconds until the access token expires */
                            expires_in: number;
                            user: {
                                id: string;
                                phone_number: string;
                                is_new: boolean;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country; `OTP_INVALID`: The code is not correct; `OTP_EXPIRED`: The code has expired or was never requested; request a new one */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE" | "OTP_INVALID" | "OTP_EXPIRED";
                            /** @description wrong codes left */
                            attempts_left?: number;
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `OTP_ATTEMPTS_EXCEEDED`: Too many wrong codes; request a new one; `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "OTP_ATTEMPTS_EXCEEDED" | "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after?: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/otp/phone/change/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a code to the new number
         * @description Needs a session signed in (with a code) less than PHONE_CHANGE_MAX_AUTH_AGE_SECONDS ago; otherwise 401 REAUTH_REQUIRED. The message's language: the best of Accept-Language that has a template, else the user's stored locale.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /**
                     * @description the message's language: the best of these that has a template; without it, the user's stored locale
                     * @example en-GB, en;q=0.8, fa;q=0.5
                     */
                    "accept-language"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A mobile number as typed: national or international form, Persian or Arabic-Indic digits allowed
                         * @example 09123456789
                         */
                        phone_number: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            /** @description seconds until the code expires */
                            expires_in: number;
                            /** @description seconds until another code may be requested */
                            resend_in: number;
                            /** @description which way the code went; only with TELEGRAM_CODE_CHANNEL_DISCLOSE=true */
                            channel?: "sms" | "telegram";
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired; `REAUTH_REQUIRED`: This needs a recent sign-in: sign in again with a code, then retry */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED" | "REAUTH_REQUIRED";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `SMS_FAILED`: The SMS could not be sent; try again; `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "SMS_FAILED" | "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/otp/phone/change/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the account to the new number
         * @description Needs a session signed in (with a code) less than PHONE_CHANGE_MAX_AUTH_AGE_SECONDS ago; otherwise 401 REAUTH_REQUIRED. Ends every other session of the account and sends the old number a notice.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A mobile number as typed: national or international form, Persian or Arabic-Indic digits allowed
                         * @example 09123456789
                         */
                        phone_number: string;
                        /**
                         * @description The code from the SMS
                         * @example 123456
                         */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            user: {
                                id: string;
                                /** @description E.164; null for a user who signed in with Telegram and has not added a number */
                                phone_number: string | null;
                                phone_verified: boolean;
                                /** Format: date-time */
                                created_at: string;
                                last_login_at: string | null;
                                /** @description the language SMS are sent in when a request has no Accept-Language header; null: the default (fa) */
                                locale: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country; `OTP_INVALID`: The code is not correct; `OTP_EXPIRED`: The code has expired or was never requested; request a new one */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE" | "OTP_INVALID" | "OTP_EXPIRED";
                            /** @description wrong codes left */
                            attempts_left?: number;
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired; `REAUTH_REQUIRED`: This needs a recent sign-in: sign in again with a code, then retry */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED" | "REAUTH_REQUIRED";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PHONE_IN_USE`: This phone number belongs to another account */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PHONE_IN_USE";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `OTP_ATTEMPTS_EXCEEDED`: Too many wrong codes; request a new one; `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "OTP_ATTEMPTS_EXCEEDED" | "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after?: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair
         * @description The token comes from the body, else (SESSION_COOKIE) from the otpgate_refresh cookie, which then needs an Origin of CORS_ORIGINS or the service itself (403 ORIGIN_NOT_ALLOWED). From an allowed Origin the new refresh token is set as the cookie and left out of the body.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description required, unless SESSION_COOKIE is on and the otpgate_refresh cookie carries the token */
                        refresh_token?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description with SESSION_COOKIE: otpgate_refresh=<token>; HttpOnly; SameSite=Lax; Path=/api/v1/auth (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            access_token: string;
                            /** @description absent when SESSION_COOKIE is on and the request came from an allowed Origin: the token is then only in the HttpOnly otpgate_refresh cookie */
                            refresh_token?: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            expires_in: number;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `ORIGIN_NOT_ALLOWED`: A request signed in by the session cookie must come from an allowed origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "ORIGIN_NOT_ALLOWED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session the refresh token belongs to
         * @description The token comes from the body, else (SESSION_COOKIE) from the otpgate_refresh cookie, which then needs an Origin of CORS_ORIGINS or the service itself (403 ORIGIN_NOT_ALLOWED); then the cookie is cleared.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description required, unless SESSION_COOKIE is on and the otpgate_refresh cookie carries the token */
                        refresh_token?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description with SESSION_COOKIE: otpgate_refresh=<token>; HttpOnly; SameSite=Lax; Path=/api/v1/auth (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `ORIGIN_NOT_ALLOWED`: A request signed in by the session cookie must come from an allowed origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "ORIGIN_NOT_ALLOWED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            user: {
                                id: string;
                                /** @description E.164; null for a user who signed in with Telegram and has not added a number */
                                phone_number: string | null;
                                phone_verified: boolean;
                                /** Format: date-time */
                                created_at: string;
                                last_login_at: string | null;
                                /** @description the language SMS are sent in when a request has no Accept-Language header; null: the default (fa) */
                                locale: string | null;
                                /** @description the linked Telegram account, if any */
                                telegram: {
                                    /** @description Telegram's user id, as a decimal string */
                                    id: string;
                                    username: string | null;
                                    first_name: string | null;
                                    last_name: string | null;
                                    photo_url: string | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Store the signed-in user's preferences: the locale of the SMS they are sent */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the language for SMS when a request has no Accept-Language header: a language tag as browsers send it (fa, en-US, fa-IR; fa_IR also works); its language is stored (en-US → en); null clears it */
                        locale: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            user: {
                                id: string;
                                /** @description E.164; null for a user who signed in with Telegram and has not added a number */
                                phone_number: string | null;
                                phone_verified: boolean;
                                /** Format: date-time */
                                created_at: string;
                                last_login_at: string | null;
                                /** @description the language SMS are sent in when a request has no Accept-Language header; null: the default (fa) */
                                locale: string | null;
                                /** @description the linked Telegram account, if any */
                                telegram: {
                                    /** @description Telegram's user id, as a decimal string */
                                    id: string;
                                    username: string | null;
                                    first_name: string | null;
                                    last_name: string | null;
                                    photo_url: string | null;
                                } | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/auth/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Whether an access token is active, and its claims (RFC 7662); scope tokens:introspect
         * @description The body is `application/x-www-form-urlencoded` (`token=...`), at most 8 KiB. A refresh token, or any token this service did not issue, answers `active: false`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @description the access token to check */
                        token: string;
                        /** @description RFC 7662 2.1; read as a hint only (`access_token`) */
                        token_type_hint?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 7662 2.2, with the service's `success` field */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description true only for a genuine, unexpired token whose session is live; every other field only then */
                            active: boolean;
                            /** @description the user id */
                            sub?: string;
                            /** @description the session */
                            sid?: string;
                            /** @description E.164, as at the time the token was issued; absent for a user without a number */
                            phone_number?: string;
                            /** @description how the session signed in: ["sms"] or ["telegram"] */
                            amr?: string[];
                            phone_number_verified?: boolean;
                            /** @description the shop's own id for the user, when set */
                            external_id?: string;
                            /** @description when the session signed in (seconds) */
                            auth_time?: number;
                            exp?: number;
                            iat?: number;
                            iss?: string;
                            aud?: string;
                            jti?: string;
                            /** @enum {string} */
                            token_type?: "Bearer";
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/login/widget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with the Telegram login widget
         * @description Send every field the widget gave, unchanged: Telegram signs them all. A login works once and only while its auth_date is within TELEGRAM_AUTH_MAX_AGE_SECONDS.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the fields of the widget (id, first_name, last_name, username, photo_url, auth_date, hash, ...), as given */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description with SESSION_COOKIE: otpgate_refresh=<token>; HttpOnly; SameSite=Lax; Path=/api/v1/auth (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            access_token: string;
                            /** @description absent when SESSION_COOKIE is on and the request came from an allowed Origin: the token is then only in the HttpOnly otpgate_refresh cookie */
                            refresh_token?: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @description seconds until the access token expires */
                            expires_in: number;
                            user: {
                                id: string;
                                /** @description E.164; null until the user adds a number (the widget and Mini Apps give none) */
                                phone_number: string | null;
                                is_new: boolean;
                            };
                            telegram: {
                                /** @description Telegram's user id, as a decimal string */
                                id: string;
                                username: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                photo_url: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `TELEGRAM_AUTH_INVALID`: Telegram did not confirm this sign-in: the data is not valid or not signed for this service; start again; `TELEGRAM_AUTH_EXPIRED`: The Telegram sign-in data is too old or dated in the future; sign in with Telegram again; `TELEGRAM_AUTH_REPLAYED`: This Telegram sign-in data has already been used; sign in with Telegram again */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TELEGRAM_AUTH_INVALID" | "TELEGRAM_AUTH_EXPIRED" | "TELEGRAM_AUTH_REPLAYED";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/login/webapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in from a Telegram Mini App
         * @description The raw Telegram.WebApp.initData, as init_data in the body or as Authorization: tma <initData>.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Telegram.WebApp.initData, unchanged (or send it as Authorization: tma <initData>) */
                        init_data?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description with SESSION_COOKIE: otpgate_refresh=<token>; HttpOnly; SameSite=Lax; Path=/api/v1/auth (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            access_token: string;
                            /** @description absent when SESSION_COOKIE is on and the request came from an allowed Origin: the token is then only in the HttpOnly otpgate_refresh cookie */
                            refresh_token?: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @description seconds until the access token expires */
                            expires_in: number;
                            user: {
                                id: string;
                                /** @description E.164; null until the user adds a number (the widget and Mini Apps give none) */
                                phone_number: string | null;
                                is_new: boolean;
                            };
                            telegram: {
                                /** @description Telegram's user id, as a decimal string */
                                id: string;
                                username: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                photo_url: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `TELEGRAM_AUTH_INVALID`: Telegram did not confirm this sign-in: the data is not valid or not signed for this service; start again; `TELEGRAM_AUTH_EXPIRED`: The Telegram sign-in data is too old or dated in the future; sign in with Telegram again; `TELEGRAM_AUTH_REPLAYED`: This Telegram sign-in data has already been used; sign in with Telegram again */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TELEGRAM_AUTH_INVALID" | "TELEGRAM_AUTH_EXPIRED" | "TELEGRAM_AUTH_REPLAYED";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/link/widget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link Telegram to the signed-in user's account, with the login widget */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the fields of the widget (id, first_name, last_name, username, photo_url, auth_date, hash, ...), as given */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            telegram: {
                                /** @description Telegram's user id, as a decimal string */
                                id: string;
                                username: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                photo_url: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired; `TELEGRAM_AUTH_INVALID`: Telegram did not confirm this sign-in: the data is not valid or not signed for this service; start again; `TELEGRAM_AUTH_EXPIRED`: The Telegram sign-in data is too old or dated in the future; sign in with Telegram again; `TELEGRAM_AUTH_REPLAYED`: This Telegram sign-in data has already been used; sign in with Telegram again */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED" | "TELEGRAM_AUTH_INVALID" | "TELEGRAM_AUTH_EXPIRED" | "TELEGRAM_AUTH_REPLAYED";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `TELEGRAM_ALREADY_LINKED`: This Telegram account is linked to another account, or this account already has another Telegram account */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TELEGRAM_ALREADY_LINKED";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/link/webapp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link Telegram to the signed-in user's account, from a Mini App
         * @description The Bearer token names the user; the body carries the initData.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Telegram.WebApp.initData, unchanged (or send it as Authorization: tma <initData>) */
                        init_data: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            telegram: {
                                /** @description Telegram's user id, as a decimal string */
                                id: string;
                                username: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                photo_url: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired; `TELEGRAM_AUTH_INVALID`: Telegram did not confirm this sign-in: the data is not valid or not signed for this service; start again; `TELEGRAM_AUTH_EXPIRED`: The Telegram sign-in data is too old or dated in the future; sign in with Telegram again; `TELEGRAM_AUTH_REPLAYED`: This Telegram sign-in data has already been used; sign in with Telegram again */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED" | "TELEGRAM_AUTH_INVALID" | "TELEGRAM_AUTH_EXPIRED" | "TELEGRAM_AUTH_REPLAYED";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `TELEGRAM_ALREADY_LINKED`: This Telegram account is linked to another account, or this account already has another Telegram account */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TELEGRAM_ALREADY_LINKED";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink the signed-in user's Telegram account
         * @description Refused (TELEGRAM_UNLINK_REFUSED) while Telegram is the only way into the account: add a number first.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `TELEGRAM_UNLINK_REFUSED`: Telegram is the only way into this account; add a phone number before unlinking it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TELEGRAM_UNLINK_REFUSED";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/oidc/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with Telegram (OpenID Connect): redirects to Telegram
         * @description Open it in the browser (a link or a redirect). return_to must be listed in TELEGRAM_LOGIN_RETURN_URLS, or be the hosted sign-in page of this service (PUBLIC_URL/login/telegram, with its own return_to path); anything else is refused before anything happens.
         */
        get: {
            parameters: {
                query: {
                    /** @description where the browser comes back with ?code= (or ?error=): exactly one of TELEGRAM_LOGIN_RETURN_URLS, or (to sign in) the hosted sign-in page, PUBLIC_URL/login/telegram */
                    return_to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to Telegram's authorization page */
                302: {
                    headers: {
                        /** @description to Telegram's authorization page */
                        Location?: string;
                        /** @description otpgate_tg_…: binds this sign-in to the browser (start only); for a return to the sign-in page, set for /login/telegram too */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service; `TELEGRAM_UNAVAILABLE`: Telegram cannot be reached right now; try again later or sign in with a code */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED" | "TELEGRAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/link/oidc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start linking Telegram to the signed-in user's account (OpenID Connect)
         * @description Answers the URL to send the browser to; the front end exchanges the code it comes back with, with the same user's Bearer token. The browser must accept this service's cookie (same site as the front end).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description where the browser comes back with ?code= (or ?error=): exactly one of TELEGRAM_LOGIN_RETURN_URLS, or (to sign in) the hosted sign-in page, PUBLIC_URL/login/telegram */
                        return_to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description otpgate_tg_…: binds this sign-in to the browser */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            authorization_url: string;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service; `TELEGRAM_UNAVAILABLE`: Telegram cannot be reached right now; try again later or sign in with a code */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED" | "TELEGRAM_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where Telegram sends the browser back; redirects to return_to with a one-time code
         * @description Register this URL in @BotFather (Web Login, Allowed URLs). It redirects to return_to with ?code= on success, or ?error=<error code> when Telegram or the check refused; a state that is unknown, used, expired or from another browser is OIDC_STATE_INVALID.
         */
        get: {
            parameters: {
                query?: {
                    state?: string;
                    code?: string;
                    error?: string;
                    error_description?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to return_to, with code or error */
                302: {
                    headers: {
                        /** @description to return_to, with code or error */
                        Location?: string;
                        /** @description otpgate_tg_…: binds this sign-in to the browser (start only); for a return to the sign-in page, set for /login/telegram too */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `OIDC_STATE_INVALID`: The sign-in attempt is unknown, already used or expired; start again */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "OIDC_STATE_INVALID";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/oidc/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange the one-time code from the callback for tokens (or finish linking)
         * @description Within a minute, once. A sign-in answers tokens as the other sign-ins do (the refresh token as a cookie with SESSION_COOKIE); a link started with /link/oidc needs the same Bearer token and answers the account.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description clears the sign-in's otpgate_tg_… cookie; may also set the session cookie */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            access_token: string;
                            /** @description absent when SESSION_COOKIE is on and the request came from an allowed Origin: the token is then only in the HttpOnly otpgate_refresh cookie */
                            refresh_token?: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @description seconds until the access token expires */
                            expires_in: number;
                            user: {
                                id: string;
                                /** @description E.164; null until the user adds a number (the widget and Mini Apps give none) */
                                phone_number: string | null;
                                is_new: boolean;
                            };
                            telegram: {
                                /** @description Telegram's user id, as a decimal string */
                                id: string;
                                username: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                photo_url: string | null;
                            };
                        } | {
                            /** @enum {boolean} */
                            success: true;
                            telegram: {
                                /** @description Telegram's user id, as a decimal string */
                                id: string;
                                username: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                photo_url: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `OIDC_STATE_INVALID`: The sign-in attempt is unknown, already used or expired; start again */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "OIDC_STATE_INVALID";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `TELEGRAM_ALREADY_LINKED`: This Telegram account is linked to another account, or this account already has another Telegram account */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TELEGRAM_ALREADY_LINKED";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The Telegram bot's updates (called by Telegram)
         * @description Answered 200 once the update is handled, or when it was handled before (Telegram delivers an update again when an answer is late). 503 while another instance is handling the same update, and 5xx when handling failed: Telegram then delivers it again.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description TELEGRAM_WEBHOOK_SECRET, as given to setWebhook */
                    "x-telegram-bot-api-secret-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description a Telegram Update */
            requestBody: {
                content: {
                    "application/json": {
                        update_id: number;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `TELEGRAM_WEBHOOK_OFF`: This service does not take Telegram updates by webhook (see TELEGRAM_UPDATES) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TELEGRAM_WEBHOOK_OFF";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/login/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in through the Telegram bot: a t.me link and its QR code
         * @description Show the QR code (or the link, on a phone) and poll /login/link/poll with poll_secret. The person opens the link in Telegram and confirms there, seeing the device and address that asked.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description https://t.me/<bot>?start=<token>: open it in Telegram. Whoever opens it first decides; do not share it */
                            url: string;
                            /** @description the same URL as an SVG QR code, to scan with a phone */
                            qr_svg: string;
                            /** @description seconds until the link stops working */
                            expires_in: number;
                            /** @description send it to /login/link/poll; keep it in this page only (it takes the session) */
                            poll_secret: string;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/login/link/poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Whether the sign-in through the bot was confirmed; the tokens, once
         * @description Answers status pending, expired, cancelled or used, or, once after the confirmation in Telegram, the tokens as every sign-in gives them (status signed_in). With wait, a pending sign-in is held until it changes, up to 25 s. A poll secret that names nothing is TELEGRAM_LINK_UNKNOWN.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        poll_secret: string;
                        /**
                         * @description seconds to hold the request while the sign-in is pending (long poll); held at most 25
                         * @default 0
                         */
                        wait?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description with SESSION_COOKIE: otpgate_refresh=<token>; HttpOnly; SameSite=Lax; Path=/api/v1/auth (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /**
                             * @description not confirmed yet: poll again
                             * @enum {string}
                             */
                            status: "pending";
                            /** @description seconds until the link stops working */
                            expires_in: number;
                        } | {
                            /** @enum {boolean} */
                            success: true;
                            /** @description expired: not confirmed in time; cancelled: refused in Telegram; used: its session was already taken. Start again */
                            status: "expired" | "cancelled" | "used";
                        } | {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            access_token: string;
                            /** @description absent when SESSION_COOKIE is on and the request came from an allowed Origin: the token is then only in the HttpOnly otpgate_refresh cookie */
                            refresh_token?: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            /** @description seconds until the access token expires */
                            expires_in: number;
                            user: {
                                id: string;
                                /** @description E.164; null until the user adds a number (the widget and Mini Apps give none) */
                                phone_number: string | null;
                                is_new: boolean;
                            };
                            telegram: {
                                /** @description Telegram's user id, as a decimal string */
                                id: string;
                                username: string | null;
                                first_name: string | null;
                                last_name: string | null;
                                photo_url: string | null;
                            };
                            /** @enum {string} */
                            status: "signed_in";
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `TELEGRAM_LINK_UNKNOWN`: This sign-in through the Telegram bot is unknown or long over; start again */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TELEGRAM_LINK_UNKNOWN";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/link/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start linking Telegram to the signed-in user's account through the bot: a t.me link
         * @description Opening the link in Telegram links the Telegram account that opens it, at once, so it is a key to the account for its 10 minutes: show it to the signed-in user only. Refused in the bot, with nothing changed, when that Telegram account belongs to someone else (as TELEGRAM_ALREADY_LINKED).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description https://t.me/<bot>?start=<token>: open it in Telegram. Whoever opens it first decides; do not share it */
                            url: string;
                            /** @description the same URL as an SVG QR code, to scan with a phone */
                            qr_svg: string;
                            /** @description seconds until the link stops working */
                            expires_in: number;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telegram/gateway/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Telegram Gateway's delivery report for a code it carried (called by Telegram)
         * @description The body is a Gateway RequestStatus, signed with the Gateway API token. A report that is signed and fresh (at most 5 minutes old, at most 1 minute ahead) is answered 200 even when it names no message of ours, so that Telegram does not retry it; its delivery status is written to the delivery log.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description unix seconds, as Telegram signed it */
                    "x-request-timestamp"?: string;
                    /** @description hex HMAC-SHA256 of timestamp + "\n" + body, keyed with SHA-256 of the API token */
                    "x-request-signature"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stop a product's back-in-stock alerts (the one-click link in an alert SMS)
         * @description Cancels every active alert of the link's user for that product and variant, on every channel, and answers a page in the alert's language. Opening it again answers the same page.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the token from the alert message */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description alerts for the product are stopped */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description the link is not valid (forged, altered, or of another kind), or the product has no web page */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description something went wrong (the log has the cause) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description the database cannot be reached, or the instance is closing */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open the product of a back-in-stock alert (the alert's link); records the first click
         * @description Redirects to the product page the restock (else the last stock report) gave; nothing in the request chooses where. No http(s) page known: 404 page.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the token from the alert message */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to the product's page */
                302: {
                    headers: {
                        /** @description the product's page */
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description the link is not valid (forged, altered, or of another kind), or the product has no web page */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description something went wrong (the log has the cause) */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description the database cannot be reached, or the instance is closing */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hosted sign-in page (HTML; Persian by default, English with ?lang=en)
         * @description A page a shop can send its customers to. It signs in through POST /api/v1/otp/phone/login/request and /verify from its script; with SESSION_COOKIE the refresh token stays in the HttpOnly cookie. `?lang=` sets the otpgate_lang cookie. A visitor already signed in to the pages (otpgate_session) with a `return_to` is sent there at once; one without is shown that it is signed in, and a way to sign out. With the Telegram bot configured (TELEGRAM_BOT_TOKEN and TELEGRAM_BOT_USERNAME) it also offers sign-in through the bot (POST /api/v1/telegram/login/link, then POST /login/telegram/poll); with Telegram OpenID Connect, Log In With Telegram (GET /api/v1/telegram/oidc/start, back to GET /login/telegram).
         */
        get: {
            parameters: {
                query?: {
                    /** @description `fa` or `en`: show the page in it and remember the choice */
                    lang?: string;
                    /** @description a path on this origin to go to once signed in (others are ignored) */
                    return_to?: string;
                    /** @description an error code to say in a sentence: where a sign-in with Telegram that failed comes back */
                    error?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the page */
                200: {
                    headers: {
                        /** @description with ?lang=: otpgate_lang=fa|en; Path=/; SameSite=Lax; Max-Age=31536000 (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description already signed in: to `return_to` */
                303: {
                    headers: {
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in customer's hosted account page (HTML; Persian by default, English with ?lang=en)
         * @description Shows and changes the number (POST /api/v1/otp/phone/change/request and /confirm), lists and ends sessions, links and unlinks Telegram, lists and cancels back-in-stock alerts, and signs out (POST /logout). The page is served only to a visitor signed in to the pages (otpgate_session); it hands its script a short-lived access token and the script does all of this through the JSON API with it. Not signed in: 303 to /login?return_to=/account. `?lang=` sets the otpgate_lang cookie.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `fa` or `en`: show the page in it and remember the choice */
                    lang?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the page; never cached (Cache-Control: no-store): it carries an access token */
                200: {
                    headers: {
                        /** @description with ?lang=: otpgate_lang=fa|en; Path=/; SameSite=Lax; Max-Age=31536000 (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description not signed in: to /login?return_to=/account (with the language asked for) */
                303: {
                    headers: {
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/assets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A hosted page's stylesheet, script or font; the name carries its content's hash */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description as the page names it */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file, cacheable for a year */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/css": string;
                        "text/javascript": string;
                        "font/woff2": string;
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the hosted pages with the code (the sign-in page's own call)
         * @description Only from a page of this origin (`Origin`), else 403 ORIGIN_NOT_ALLOWED. Sets the otpgate_session cookie (HttpOnly, SameSite=Lax, Path=/) and answers no token.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A mobile number as typed: national or international form, Persian or Arabic-Indic digits allowed
                         * @example 09123456789
                         */
                        phone_number: string;
                        /**
                         * @description The code from the SMS
                         * @example 123456
                         */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description otpgate_session=<token>; Path=/; HttpOnly; SameSite=Lax (Secure); empty with Max-Age=0 to end it */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                            user: {
                                id: string;
                                is_new: boolean;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country; `OTP_INVALID`: The code is not correct; `OTP_EXPIRED`: The code has expired or was never requested; request a new one */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE" | "OTP_INVALID" | "OTP_EXPIRED";
                            /** @description wrong codes left */
                            attempts_left?: number;
                        };
                    };
                };
                /** @description `ORIGIN_NOT_ALLOWED`: A request signed in by the session cookie must come from an allowed origin; `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "ORIGIN_NOT_ALLOWED" | "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `OTP_ATTEMPTS_EXCEEDED`: Too many wrong codes; request a new one; `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "OTP_ATTEMPTS_EXCEEDED" | "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after?: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out of the hosted pages (a form's POST)
         * @description Only from a page of this origin (`Origin`), else 403 ORIGIN_NOT_ALLOWED. Ends the session of the otpgate_session cookie, drops the cookie and sends the browser to /login. The body, if any (a form with no fields, application/x-www-form-urlencoded), is not read.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to /login */
                303: {
                    headers: {
                        Location?: string;
                        /** @description otpgate_session=<token>; Path=/; HttpOnly; SameSite=Lax (Secure); empty with Max-Age=0 to end it */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `ORIGIN_NOT_ALLOWED`: A request signed in by the session cookie must come from an allowed origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "ORIGIN_NOT_ALLOWED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login/telegram/poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Whether the sign-in through the bot was confirmed (the sign-in page's own poll)
         * @description POST /api/v1/telegram/login/link/poll for the sign-in page: the same answers, but signed_in sets the otpgate_session cookie and answers no token. Only from a page of this origin (`Origin`), else 403 ORIGIN_NOT_ALLOWED.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        poll_secret: string;
                        /**
                         * @description seconds to hold the request while the sign-in is pending (long poll); held at most 25
                         * @default 0
                         */
                        wait?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description otpgate_session=<token>; Path=/; HttpOnly; SameSite=Lax (Secure); empty with Max-Age=0 to end it */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /**
                             * @description not confirmed yet: poll again
                             * @enum {string}
                             */
                            status: "pending";
                            /** @description seconds until the link stops working */
                            expires_in: number;
                        } | {
                            /** @enum {boolean} */
                            success: true;
                            /** @description expired: not confirmed in time; cancelled: refused in Telegram; used: its session was already taken. Start again */
                            status: "expired" | "cancelled" | "used";
                        } | {
                            /** @enum {boolean} */
                            success: true;
                            /**
                             * @description signed in to the pages: the otpgate_session cookie is set
                             * @enum {string}
                             */
                            status: "signed_in";
                            user: {
                                id: string;
                                is_new: boolean;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `ORIGIN_NOT_ALLOWED`: A request signed in by the session cookie must come from an allowed origin; `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "ORIGIN_NOT_ALLOWED" | "USER_BLOCKED";
                        };
                    };
                };
                /** @description `TELEGRAM_LINK_UNKNOWN`: This sign-in through the Telegram bot is unknown or long over; start again */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TELEGRAM_LINK_UNKNOWN";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again; `TELEGRAM_NOT_CONFIGURED`: Signing in with Telegram is not set up on this service */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "TELEGRAM_NOT_CONFIGURED";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login/telegram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where Log In With Telegram comes back to the sign-in page; signs in to the pages
         * @description The return of GET /api/v1/telegram/oidc/start?return_to=PUBLIC_URL/login/telegram (always allowed, listed or not). Exchanges the code on the server, as POST /api/v1/telegram/oidc/exchange does, sets the otpgate_session cookie and sends the browser to the page’s return_to (a path on this origin), else to /login. A refusal goes back to /login with ?error=<code>, which the page says in a sentence.
         */
        get: {
            parameters: {
                query?: {
                    /** @description the one-time code of the callback */
                    code?: string;
                    /** @description the callback's error code, instead of a code */
                    error?: string;
                    /** @description the sign-in page’s own return_to: a path on this origin */
                    return_to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to return_to when signed in; to /login?error= when not */
                303: {
                    headers: {
                        Location?: string;
                        /** @description otpgate_session=<token>; Path=/; HttpOnly; SameSite=Lax (Secure), and the sign-in’s binding cookies cleared */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify access tokens (JWKS) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The public keys access tokens are signed with (RFC 7517): the one signing now, one about to sign, and retired ones until the tokens they signed have expired. Sent with `Cache-Control: public, max-age=300`. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                /** @enum {string} */
                                kty: "EC";
                                /** @enum {string} */
                                crv: "P-256";
                                x: string;
                                y: string;
                                /** @description the RFC 7638 thumbprint of the key, as in the tokens' `kid` header */
                                kid: string;
                                /** @enum {string} */
                                alg: "ES256";
                                /** @enum {string} */
                                use: "sig";
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/openid-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The discovery document: the OpenID Connect provider, the keys and introspection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenID Connect Discovery 1.0: the provider under /oidc (authorization code flow with PKCE S256 only) and the keys and introspection endpoint of the API. Sent with `Cache-Control: public, max-age=300`. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description PUBLIC_URL: the `iss` of every access token and ID token */
                            issuer: string;
                            authorization_endpoint: string;
                            token_endpoint: string;
                            userinfo_endpoint: string;
                            end_session_endpoint: string;
                            revocation_endpoint: string;
                            /** @description /.well-known/jwks.json: the keys of access tokens and ID tokens */
                            jwks_uri: string;
                            /** @description RFC 7662, for access tokens of the API; needs an admin API key with tokens:introspect */
                            introspection_endpoint: string;
                            scopes_supported: string[];
                            claims_supported: string[];
                            response_types_supported: "code"[];
                            grant_types_supported: string[];
                            code_challenge_methods_supported: "S256"[];
                            subject_types_supported: "public"[];
                            id_token_signing_alg_values_supported: "ES256"[];
                            token_endpoint_auth_methods_supported: string[];
                            service_documentation: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description a fault: the envelope (INTERNAL_ERROR), or a page for a browser */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Starts a sign-in (authorization code flow; PKCE with S256 required)
         * @description Query: client_id, redirect_uri, response_type=code, scope (openid and any of phone, profile, offline_access), state, nonce, code_challenge, code_challenge_method=S256; optional prompt, max_age. Redirects to the sign-in step, or to redirect_uri with `code` (or `error`). An unknown client or redirect URI is answered here (400), never redirected.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to the next step, or to the client */
                303: {
                    headers: {
                        Location?: string;
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                400: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        } | {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description a fault: the envelope (INTERNAL_ERROR), or a page for a browser */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/auth/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Goes on with a sign-in after its step (sign-in or consent) is done */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the step, as the provider named it */
                    uid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to the next step, or to the client */
                303: {
                    headers: {
                        Location?: string;
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                400: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        } | {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description a fault: the envelope (INTERNAL_ERROR), or a page for a browser */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeems a code (with its PKCE verifier) or a refresh token for tokens
         * @description application/x-www-form-urlencoded: grant_type=authorization_code (code, redirect_uri, code_verifier) or refresh_token (refresh_token). A confidential client authenticates with HTTP Basic (client_secret_basic); a public one sends client_id. A code or refresh token is spent once: of two requests with one, one gets tokens and the other invalid_grant.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description opaque; for the userinfo endpoint */
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            expires_in: number;
                            /** @description ES256 JWT, verified with /.well-known/jwks.json */
                            id_token?: string;
                            /** @description single use: each refresh answers a new one */
                            refresh_token?: string;
                            scope?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                400: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        } | {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                        "text/html": string;
                    };
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                401: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description a fault: the envelope (INTERNAL_ERROR), or a page for a browser */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The claims the granted scopes release (OpenID Connect UserInfo) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the user's id */
                            sub: string;
                            /** @description E.164; scope phone */
                            phone_number?: string;
                            phone_number_verified?: boolean;
                            /** @description scope profile, from Telegram */
                            name?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                400: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        } | {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                        "text/html": string;
                    };
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                401: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description a fault: the envelope (INTERNAL_ERROR), or a page for a browser */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/session/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signs out at the service (RP-initiated logout): asks the user first
         * @description Query: id_token_hint, post_logout_redirect_uri (registered for the client), state, client_id. Answers a page asking to sign out; its form posts to /oidc/session/end/confirm.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the question */
                200: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description signed out already */
                303: {
                    headers: {
                        Location?: string;
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                400: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        } | {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description a fault: the envelope (INTERNAL_ERROR), or a page for a browser */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/session/end/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The sign-out page's form (xsrf token; logout=yes signs out of every client) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to post_logout_redirect_uri or the signed-out page */
                303: {
                    headers: {
                        Location?: string;
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                400: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        } | {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description a fault: the envelope (INTERNAL_ERROR), or a page for a browser */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/session/end/success": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-out page, when the client named no page to return to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the page */
                200: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                400: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        } | {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description a fault: the envelope (INTERNAL_ERROR), or a page for a browser */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/token/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes a refresh token or access token (RFC 7009); a refresh token takes its grant with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description revoked, or not a token of this client */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                400: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        } | {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                        "text/html": string;
                    };
                };
                /** @description OAuth error (JSON), or a page saying the sign-in failed (for a browser) */
                401: {
                    headers: {
                        /** @description the provider's sign-in and step cookies (otpgate_oidc*, each with a .sig; HttpOnly, SameSite=Lax, Secure on https); at a sign-out also otpgate_session emptied */
                        "Set-Cookie"?: string | string[];
                        /** @description at 401: how to authenticate (RFC 6750, RFC 6749 5.2) */
                        "WWW-Authenticate"?: string | string[];
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description invalid_request, invalid_client, invalid_grant, invalid_token, ... */
                            error: string;
                            error_description?: string;
                            iss?: string;
                            state?: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description a fault: the envelope (INTERNAL_ERROR), or a page for a browser */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                        "text/html": string;
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/interaction/{uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A sign-in step of the OpenID Connect provider: sign in (via /login) or consent
         * @description Reached from /oidc/auth. Signed in to the hosted pages: the sign-in is finished (303 on to the provider); not signed in, or signed in too long ago for prompt=login or max_age: 303 to /login?return_to=this step (the pages’ session is then ended). A client that is not first-party shows the consent page (HTML, fa or en; ?lang= switches).
         */
        get: {
            parameters: {
                query?: {
                    /** @description `fa` or `en` */
                    lang?: string;
                };
                header?: never;
                path: {
                    /** @description the step */
                    uid: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the consent page */
                200: {
                    headers: {
                        /** @description otpgate_lang (with ?lang=), or otpgate_session emptied (see below) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description to /login, or on to the provider */
                303: {
                    headers: {
                        Location?: string;
                        /** @description otpgate_lang (with ?lang=), or otpgate_session emptied (see below) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `OIDC_INTERACTION_NOT_FOUND`: This sign-in step is unknown, expired or already done; go back to the site and sign in again */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "OIDC_INTERACTION_NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oidc/interaction/{uid}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The consent page's form: allow or deny what the client asks for
         * @description Only from a page of this origin (`Origin`), else 403 ORIGIN_NOT_ALLOWED, and only with the provider's cookie of this step. Deny sends the user back to the client with error=access_denied.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the step */
                    uid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        decision: "allow" | "deny";
                    };
                };
            };
            responses: {
                /** @description on to the provider, which goes on to the client */
                303: {
                    headers: {
                        Location?: string;
                        /** @description otpgate_lang (with ?lang=), or otpgate_session emptied (see below) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `ORIGIN_NOT_ALLOWED`: A request signed in by the session cookie must come from an allowed origin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "ORIGIN_NOT_ALLOWED";
                        };
                    };
                };
                /** @description `OIDC_INTERACTION_NOT_FOUND`: This sign-in step is unknown, expired or already done; go back to the site and sign in again */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "OIDC_INTERACTION_NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's open sessions, latest used first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            sessions: {
                                /** @description the session id (the `sid` of its access tokens) */
                                id: string;
                                device: {
                                    browser: string | null;
                                    os: string | null;
                                };
                                /** @description the address of its latest sign-in or refresh */
                                ip: string | null;
                                /**
                                 * Format: date-time
                                 * @description when it signed in
                                 */
                                created_at: string;
                                /** @description how it signed in */
                                method: "sms" | "telegram";
                                /**
                                 * Format: date-time
                                 * @description its latest sign-in or refresh
                                 */
                                last_used_at: string;
                                /** @description true for the session of the access token that asked */
                                current: boolean;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of the signed-in user’s sessions
         * @description 404 NOT_FOUND for an id that is not one of the user's open sessions, another user's included.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description with SESSION_COOKIE: otpgate_refresh=<token>; HttpOnly; SameSite=Lax; Path=/api/v1/auth (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End every other session of the signed-in user
         * @description Keeps the session that asks unless `include_current` is true. A refresh of another session in flight at the same moment cannot leave it open.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description also end the caller's own session (default: keep it)
                         * @default false
                         */
                        include_current?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        /** @description with SESSION_COOKIE: otpgate_refresh=<token>; HttpOnly; SameSite=Lax; Path=/api/v1/auth (Secure) */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The admin console: to the first page the staff member’s role may see */
        get: {
            parameters: {
                query?: {
                    /** @description `fa` or `en`: show the page in it and remember the choice */
                    lang?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description to the first page, or to /login */
                303: {
                    headers: {
                        /** @description where to */
                        Location?: string;
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description not staff, or a role without the page’s scope */
                403: {
                    headers: {
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/{page}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the admin console (HTML; staff only) */
        get: {
            parameters: {
                query?: {
                    /** @description `fa` or `en`: show the page in it and remember the choice */
                    lang?: string;
                };
                header?: never;
                path: {
                    /** @description the page: health, sms, providers, templates, users, alerts, keys, clients */
                    page: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the page (its script fills it from the admin API) */
                200: {
                    headers: {
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description not signed in: to /login, and back here after */
                303: {
                    headers: {
                        /** @description where to */
                        Location?: string;
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description not staff, or a role without the page’s scope */
                403: {
                    headers: {
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description no such page */
                404: {
                    headers: {
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/{page}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item on a page of the admin console (a message, a user, ...; HTML; staff only) */
        get: {
            parameters: {
                query?: {
                    /** @description `fa` or `en`: show the page in it and remember the choice */
                    lang?: string;
                };
                header?: never;
                path: {
                    /** @description the page: health, sms, providers, templates, users, alerts, keys, clients */
                    page: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the page (its script fills it from the admin API) */
                200: {
                    headers: {
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description not signed in: to /login, and back here after */
                303: {
                    headers: {
                        /** @description where to */
                        Location?: string;
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description not staff, or a role without the page’s scope */
                403: {
                    headers: {
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description no such page */
                404: {
                    headers: {
                        /** @description with ?lang=: otpgate_lang=fa|en, as on /login */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/keys/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The API key this request carries (any valid key)
         * @description 403 FORBIDDEN with a staff member's token: it names an API key (staff have /api/v1/staff/me).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            key: {
                                id: string;
                                name: string;
                                /** @description the first characters of the key, to tell keys apart */
                                prefix: string;
                                scopes: ("sms:send" | "sms:read" | "templates:read" | "templates:write" | "providers:read" | "keys:read" | "keys:write" | "audit:read" | "tokens:introspect" | "users:read" | "users:write" | "events:read" | "events:write" | "alerts:read" | "alerts:write" | "clients:read" | "clients:write")[];
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every API key, revoked ones included (never the keys themselves); scope keys:read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            keys: {
                                id: string;
                                name: string;
                                /** @description the first characters of the key, to tell keys apart */
                                prefix: string;
                                scopes: ("sms:send" | "sms:read" | "templates:read" | "templates:write" | "providers:read" | "keys:read" | "keys:write" | "audit:read" | "tokens:introspect" | "users:read" | "users:write" | "events:read" | "events:write" | "alerts:read" | "alerts:write" | "clients:read" | "clients:write")[];
                                /** Format: date-time */
                                created_at: string;
                                last_used_at: string | null;
                                revoked_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revokes an API key at once and cancels every message it queued; scope keys:write
         * @description A message a worker is sending at that moment goes out (or fails); it is never sent after the revocation otherwise. Revoking a revoked key answers 200 with cancelled 0.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the key's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            key: {
                                id: string;
                                name: string;
                                /** @description the first characters of the key, to tell keys apart */
                                prefix: string;
                                scopes: ("sms:send" | "sms:read" | "templates:read" | "templates:write" | "providers:read" | "keys:read" | "keys:write" | "audit:read" | "tokens:introspect" | "users:read" | "users:write" | "events:read" | "events:write" | "alerts:read" | "alerts:write" | "clients:read" | "clients:write")[];
                                /** Format: date-time */
                                created_at: string;
                                last_used_at: string | null;
                                revoked_at: string | null;
                            };
                            /** @description queued messages of the key cancelled by this revocation */
                            cancelled: number;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/keys/{id}/cancel-queued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancels every queued message of an API key; scope sms:send for the key's own, keys:write for any
         * @description Messages a worker is sending at that moment go out (or fail) as they would have.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the key's id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description queued messages cancelled */
                            cancelled: number;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sms/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queues a message (a template with params, or a text) for delivery; scope sms:send */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description up to 255 printable ASCII characters; a retry with the same key and body returns the first message */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description `{to, template, params, locale?}` or `{to, text}` */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A mobile number as typed: national or international form, Persian or Arabic-Indic digits allowed
                         * @example 09123456789
                         */
                        to: string;
                        /** @description a template key */
                        template?: string;
                        /** @description the template's placeholders (lower case, like order_id) and their values */
                        params?: {
                            [key: string]: string;
                        };
                        /** @description fa by default */
                        locale?: string;
                        /** @description free text, instead of a template */
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description the message id in the delivery log */
                            id: string;
                            /** @description `queued`; `sent` for a test number; for a repeated Idempotency-Key, where the first message is */
                            status: string;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country; `TEMPLATE_PARAMS_MISSING`: Some placeholders of the template have no value */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE" | "TEMPLATE_PARAMS_MISSING";
                            /** @description placeholders without a value */
                            missing?: string[];
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `TEMPLATE_RESERVED`: The service sends this template itself (a code message or a phone-change notice); no key may send it; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "TEMPLATE_RESERVED" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `TEMPLATE_NOT_FOUND`: No message template with this key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TEMPLATE_NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `IDEMPOTENCY_KEY_REUSED`: This Idempotency-Key was already used for a different request; `MESSAGE_TOO_LONG`: The message would go out as more SMS than SMS_MAX_PARTS allows; shorten it */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "IDEMPOTENCY_KEY_REUSED" | "MESSAGE_TOO_LONG";
                        };
                    };
                };
                /** @description `RATE_LIMITED`: Too many requests; try again later */
                429: {
                    headers: {
                        /** @description seconds until a retry may succeed */
                        "Retry-After": number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "RATE_LIMITED";
                            /** @description seconds; also the Retry-After header */
                            retry_after: number;
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `SMS_FAILED`: The SMS could not be sent; try again; `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "SMS_FAILED" | "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sms/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Cancels a queued message; scope sms:send for the key's own messages, keys:write for any
         * @description Only a message still waiting in the queue can be cancelled; one a worker is sending, or one already sent or failed, answers 409 MESSAGE_NOT_CANCELLABLE. Cancelling a cancelled message answers 200 again.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            id: string;
                            /** @enum {string} */
                            status: "cancelled";
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `MESSAGE_NOT_CANCELLABLE`: Only a queued message can be cancelled; this one is being sent or has been sent */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "MESSAGE_NOT_CANCELLABLE";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sms/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first, filtered and paged by cursor; scope sms:read */
        get: {
            parameters: {
                query?: {
                    /** @description a mobile number as typed */
                    phone_number?: string;
                    status?: "queued" | "sending" | "sent" | "delivered" | "undelivered" | "failed" | "expired" | "cancelled";
                    /** @description a template key */
                    template?: string;
                    /** @description a provider name */
                    provider?: string;
                    /** @description created at or after (ISO 8601) */
                    from?: string;
                    /** @description created at or before (ISO 8601) */
                    to?: string;
                    /** @description 1 to 100, default 20 */
                    limit?: string;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    /** @description unmasked phone numbers */
                    full_numbers?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            logs: {
                                id: string;
                                /** @description masked (+98912***6789) unless full_numbers=true */
                                phone_number: string;
                                template: string | null;
                                locale: string | null;
                                provider: string;
                                provider_message_id: string | null;
                                status: string;
                                error_code: string | null;
                                error_message: string | null;
                                /** @description the message as sent, with any one-time code masked */
                                text: string;
                                /** @description provider calls made for it */
                                attempts: number;
                                /** @description a queued message: the times a worker took it to send (each may call several providers) */
                                tries: number;
                                provider_status: string | null;
                                /** @description delivery-status reads that failed in a row; after 10 the poller stops asking and the row stays sent */
                                poll_failures: number;
                                /** @description what the provider says it cost, in its unit */
                                cost: number | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                queued_at: string | null;
                                /** @description a queued message: when a worker last took it to send */
                                sending_at: string | null;
                                /** @description a queued message: when it is next tried (after a failed try, later) */
                                next_attempt_at: string | null;
                                sent_at: string | null;
                                final_at: string | null;
                                cancelled_by: string | null;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sms/logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message of the delivery log; scope sms:read */
        get: {
            parameters: {
                query?: {
                    /** @description unmasked phone numbers */
                    full_numbers?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            log: {
                                id: string;
                                /** @description masked (+98912***6789) unless full_numbers=true */
                                phone_number: string;
                                template: string | null;
                                locale: string | null;
                                provider: string;
                                provider_message_id: string | null;
                                status: string;
                                error_code: string | null;
                                error_message: string | null;
                                /** @description the message as sent, with any one-time code masked */
                                text: string;
                                /** @description provider calls made for it */
                                attempts: number;
                                /** @description a queued message: the times a worker took it to send (each may call several providers) */
                                tries: number;
                                provider_status: string | null;
                                /** @description delivery-status reads that failed in a row; after 10 the poller stops asking and the row stays sent */
                                poll_failures: number;
                                /** @description what the provider says it cost, in its unit */
                                cost: number | null;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                queued_at: string | null;
                                /** @description a queued message: when a worker last took it to send */
                                sending_at: string | null;
                                /** @description a queued message: when it is next tried (after a failed try, later) */
                                next_attempt_at: string | null;
                                sent_at: string | null;
                                final_at: string | null;
                                cancelled_by: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sms/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Messages per hour of the last day or week, by status and by provider; scope sms:read
         * @description Counted from the delivery log by the hour each message was created in (UTC hours). The current hour is the last bucket and counts what it has so far.
         */
        get: {
            parameters: {
                query?: {
                    /** @description the last 24 hours (default) or the last 7 days, hour by hour */
                    period?: "day" | "week";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            period: "day" | "week";
                            /**
                             * Format: date-time
                             * @description the first hour’s start
                             */
                            from: string;
                            /**
                             * Format: date-time
                             * @description the end of the current hour (excluded)
                             */
                            to: string;
                            /** @description every hour of the period, oldest first, an empty one too (24 or 168) */
                            hours: {
                                /**
                                 * Format: date-time
                                 * @description the hour’s start (UTC)
                                 */
                                hour: string;
                                /** @description messages created in the hour */
                                total: number;
                                /** @description messages by their status now; statuses with none are left out */
                                statuses: {
                                    [key: string]: number;
                                };
                                /** @description messages by the provider that carried them, or was last tried */
                                providers: {
                                    [key: string]: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sms/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each SMS provider's circuit, last hour and credit, in the order they are tried; scope providers:read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            providers: {
                                name: string;
                                /** @description false for the console fallback */
                                live: boolean;
                                /** @description this instance's circuit for code messages */
                                circuit: "closed" | "open" | "half_open";
                                /** @description this instance's circuit for queued messages, which has its own breaker */
                                queue_circuit: "closed" | "open" | "half_open";
                                /** @description messages created in the last hour that this provider carried or last failed */
                                recent: {
                                    sent: number;
                                    failed: number;
                                    /** @description null with no messages */
                                    success_rate: number | null;
                                };
                                credit: {
                                    amount: number;
                                    unit: string;
                                } | null;
                                /** @description why credit is null: the provider's code or kind */
                                credit_error?: string;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sms/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Message templates by key then locale, paged by cursor; scope templates:read */
        get: {
            parameters: {
                query?: {
                    /** @description lower case letters, digits and _, e.g. back_in_stock */
                    key?: string;
                    /** @description 1 to 100, default 50 */
                    limit?: string;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            templates: {
                                key: string;
                                locale: string;
                                body: string;
                                /** @description in order of appearance */
                                placeholders: string[];
                                /**
                                 * @description by provider (melipayamak, kavenegar, smsir): its approved template for this text
                                 * @example {
                                 *       "melipayamak": {
                                 *         "id": "123456",
                                 *         "args": [
                                 *           "code"
                                 *         ]
                                 *       }
                                 *     }
                                 */
                                approved: {
                                    [key: string]: {
                                        /** @description the template's id at the provider */
                                        id: string;
                                        /** @description placeholders of the body, in the order the provider takes them */
                                        args: string[];
                                    };
                                };
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sms/templates/{key}/{locale}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message template; scope templates:read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lower case letters, digits and _, e.g. back_in_stock */
                    key: string;
                    /** @description an ISO 639 language code: fa, en, ... */
                    locale: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            template: {
                                key: string;
                                locale: string;
                                body: string;
                                /** @description in order of appearance */
                                placeholders: string[];
                                /**
                                 * @description by provider (melipayamak, kavenegar, smsir): its approved template for this text
                                 * @example {
                                 *       "melipayamak": {
                                 *         "id": "123456",
                                 *         "args": [
                                 *           "code"
                                 *         ]
                                 *       }
                                 *     }
                                 */
                                approved: {
                                    [key: string]: {
                                        /** @description the template's id at the provider */
                                        id: string;
                                        /** @description placeholders of the body, in the order the provider takes them */
                                        args: string[];
                                    };
                                };
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `TEMPLATE_NOT_FOUND`: No message template with this key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TEMPLATE_NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        /**
         * Create or replace a message template; scope templates:write
         * @description Placeholders are {name} in lower case. Code messages (otp_login, otp_phone_change) must contain {code} and may use only {code} and {minutes}. Each approved provider names placeholders of the body.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lower case letters, digits and _, e.g. back_in_stock */
                    key: string;
                    /** @description an ISO 639 language code: fa, en, ... */
                    locale: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the text, with placeholders such as {code}, {minutes}, {product} */
                        body: string;
                        /**
                         * @description by provider (melipayamak, kavenegar, smsir): its approved template for this text
                         * @example {
                         *       "melipayamak": {
                         *         "id": "123456",
                         *         "args": [
                         *           "code"
                         *         ]
                         *       }
                         *     }
                         */
                        approved?: {
                            [key: string]: {
                                /** @description the template's id at the provider */
                                id: string;
                                /** @description placeholders of the body, in the order the provider takes them */
                                args: string[];
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description true when this created the template, false when it replaced one */
                            created: boolean;
                            template: {
                                key: string;
                                locale: string;
                                body: string;
                                /** @description in order of appearance */
                                placeholders: string[];
                                /**
                                 * @description by provider (melipayamak, kavenegar, smsir): its approved template for this text
                                 * @example {
                                 *       "melipayamak": {
                                 *         "id": "123456",
                                 *         "args": [
                                 *           "code"
                                 *         ]
                                 *       }
                                 *     }
                                 */
                                approved: {
                                    [key: string]: {
                                        /** @description the template's id at the provider */
                                        id: string;
                                        /** @description placeholders of the body, in the order the provider takes them */
                                        args: string[];
                                    };
                                };
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `MESSAGE_TOO_LONG`: The message would go out as more SMS than SMS_MAX_PARTS allows; shorten it */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "MESSAGE_TOO_LONG";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Delete a message template; the last locale of the service's own is refused; scope templates:write
         * @description The service sends the code messages (otp_login, otp_phone_change) and the notice to the old number after a phone change (phone_changed) itself: the last locale of these answers 409 TEMPLATE_REQUIRED; replace it with PUT instead. Other templates can be deleted entirely.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description lower case letters, digits and _, e.g. back_in_stock */
                    key: string;
                    /** @description an ISO 639 language code: fa, en, ... */
                    locale: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            message: string;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `TEMPLATE_NOT_FOUND`: No message template with this key */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TEMPLATE_NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `TEMPLATE_REQUIRED`: The service sends this template: it is the last locale of its key */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "TEMPLATE_REQUIRED";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/sms/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A body as it would go out, with sample values, and its size in SMS; scope templates:read
         * @description Saves nothing: for an editor that shows the message and its parts as it is typed. Counts as the service does (GSM-7: 160, or 153 per part; UCS-2: 70, or 67 per part). problem says what PUT would refuse for key.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the text being written, placeholders and all */
                        body: string;
                        /** @description the template it is for: a code message's rules and filling, a service message's placeholders */
                        key?: string;
                        /** @description the language of the sample values; default fa */
                        locale?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description the message with sample values in its placeholders ({code} and {minutes} as the code sender fills them, with the WebOTP line when OTP_WEBOTP_DOMAIN is set); a name without a sample is filled with itself */
                            text: string;
                            /** @description in order of appearance */
                            placeholders: string[];
                            /** @description UCS-2 as soon as one character is outside the GSM alphabet (any Persian letter) */
                            encoding: "GSM-7" | "UCS-2";
                            /** @description SMS the text goes out as (0 for an empty text) */
                            parts: number;
                            characters: number;
                            /** @description septets (GSM-7) or UTF-16 units (UCS-2) */
                            units: number;
                            /** @description units per SMS: 160 or 70 in one SMS, 153 or 67 per part of a longer one */
                            per_part: number;
                            /** @description SMS_MAX_PARTS: a longer message is refused */
                            max_parts: number;
                            /** @description why PUT would refuse this body for key (VALIDATION_ERROR or MESSAGE_TOO_LONG); null when it would not */
                            problem: string | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every admin change, newest first, filtered by key and action and paged by cursor; scope audit:read */
        get: {
            parameters: {
                query?: {
                    /** @description only changes made with this API key */
                    key_id?: string;
                    /** @description only this action, e.g. template.put */
                    action?: string;
                    /** @description 1 to 100, default 20 */
                    limit?: string;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            records: {
                                id: string;
                                /** Format: date-time */
                                created_at: string;
                                actor: {
                                    /** @description the API key that made it; null: the command line */
                                    key_id: string | null;
                                    /** @description the key's name at the time, or `cli` */
                                    name: string;
                                };
                                /** @description template.put, template.delete, sms.send, sms.cancel, key.create, key.revoke, key.cancel_queued, limits.reset */
                                action: string;
                                /** @description a template key/locale, a message id, a key id */
                                target: string | null;
                                /** @description what changed, bounded: long strings are cut, recipients masked */
                                summary: {
                                    [key: string]: unknown;
                                };
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users, newest first, filtered and paged by cursor; scope users:read
         * @description phone_number (any form a person types) or external_id looks one user up: the page holds it or is empty.
         */
        get: {
            parameters: {
                query?: {
                    /** @description a mobile number as typed */
                    phone_number?: string;
                    /**
                     * @description the shop's own id for the user: 1 to 128 visible ASCII characters, no quote or backslash
                     * @example customer-1042
                     */
                    external_id?: string;
                    blocked?: "true" | "false";
                    /** @description created at or after (ISO 8601) */
                    created_from?: string;
                    /** @description created at or before (ISO 8601) */
                    created_to?: string;
                    /** @description 1 to 100, default 20 */
                    limit?: string;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            users: {
                                id: string;
                                /** @description E.164; null for a user who signed in with Telegram only */
                                phone_number: string | null;
                                /** @description false until the user first signs in with a code */
                                phone_verified: boolean;
                                external_id: string | null;
                                locale: string | null;
                                /** @description null unless the user is blocked */
                                blocked_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                last_login_at: string | null;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Creates the number's user with the shop's id, or finds it; scope users:write
         * @description 201 with created: true for a new user; 200 for the user the number and external_id already name, or for the number's user that had no external_id (it now has this one). 409 USER_PHONE_CONFLICT: the number belongs to a user with another external_id; 409 EXTERNAL_ID_IN_USE: the external_id belongs to a user with another number. Safe to repeat.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description A mobile number as typed: national or international form, Persian or Arabic-Indic digits allowed
                         * @example 09123456789
                         */
                        phone_number: string;
                        /**
                         * @description the shop's own id for the user: 1 to 128 visible ASCII characters, no quote or backslash
                         * @example customer-1042
                         */
                        external_id: string;
                        /** @description the language of its SMS (fa, en, ...); used for a new user only */
                        locale?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description true (and status 201) when this request created the user */
                            created: boolean;
                            user: {
                                id: string;
                                /** @description E.164; null for a user who signed in with Telegram only */
                                phone_number: string | null;
                                /** @description false until the user first signs in with a code */
                                phone_verified: boolean;
                                external_id: string | null;
                                locale: string | null;
                                /** @description null unless the user is blocked */
                                blocked_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                last_login_at: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description true (and status 201) when this request created the user */
                            created: boolean;
                            user: {
                                id: string;
                                /** @description E.164; null for a user who signed in with Telegram only */
                                phone_number: string | null;
                                /** @description false until the user first signs in with a code */
                                phone_verified: boolean;
                                external_id: string | null;
                                locale: string | null;
                                /** @description null unless the user is blocked */
                                blocked_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                last_login_at: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `USER_PHONE_CONFLICT`: This phone number already belongs to a user with another external_id; `EXTERNAL_ID_IN_USE`: This external_id already belongs to a user with another phone number */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_PHONE_CONFLICT" | "EXTERNAL_ID_IN_USE";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user; scope users:read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            user: {
                                id: string;
                                /** @description E.164; null for a user who signed in with Telegram only */
                                phone_number: string | null;
                                /** @description false until the user first signs in with a code */
                                phone_verified: boolean;
                                external_id: string | null;
                                locale: string | null;
                                /** @description null unless the user is blocked */
                                blocked_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                last_login_at: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Deletes a user and erases their number everywhere; scope users:write
         * @description Sessions, codes and phone-change history go; the delivery log and the audit trail keep their rows with the number replaced by "erased". The number can then sign up again as a new user.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            id: string;
                            /** @description delivery-log rows to its numbers, kept with the number erased */
                            messages_erased: number;
                            /** @description messages still queued to its numbers, cancelled */
                            messages_cancelled: number;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Blocks a user and ends every session; scope users:write
         * @description A blocked user who enters a correct code gets 403 USER_BLOCKED and no session; nothing before the code (requests, wrong codes, limits) differs from any other number. Refresh tokens stop working.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            user: {
                                id: string;
                                /** @description E.164; null for a user who signed in with Telegram only */
                                phone_number: string | null;
                                /** @description false until the user first signs in with a code */
                                phone_verified: boolean;
                                external_id: string | null;
                                locale: string | null;
                                /** @description null unless the user is blocked */
                                blocked_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                last_login_at: string | null;
                            };
                            /** @description sessions that were active and ended now */
                            sessions_ended: number;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lets a blocked user sign in again; scope users:write */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            user: {
                                id: string;
                                /** @description E.164; null for a user who signed in with Telegram only */
                                phone_number: string | null;
                                /** @description false until the user first signs in with a code */
                                phone_verified: boolean;
                                external_id: string | null;
                                locale: string | null;
                                /** @description null unless the user is blocked */
                                blocked_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                last_login_at: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ends every session of a user; its access tokens stop working at once; scope users:write */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description sessions that were active */
                            sessions_ended: number;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events sent to EVENTS_WEBHOOK_URL and their delivery, newest first, paged by cursor; scope events:read */
        get: {
            parameters: {
                query?: {
                    status?: "queued" | "sending" | "delivered" | "failed";
                    type?: "user.created" | "user.signed_in" | "user.phone_changed" | "user.telegram_linked" | "user.telegram_unlinked" | "user.blocked" | "user.deleted" | "sms.status_changed" | "alert.notified";
                    /** @description 1 to 100, default 20 */
                    limit?: string;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            events: {
                                /** @description the `webhook-id` of every try */
                                id: string;
                                type: "user.created" | "user.signed_in" | "user.phone_changed" | "user.telegram_linked" | "user.telegram_unlinked" | "user.blocked" | "user.deleted" | "sms.status_changed" | "alert.notified";
                                /** @description the event's data, as the body's `data` carries it */
                                data: unknown;
                                /** @description `queued` (waiting for its next try), `sending`, `delivered` or `failed` (given up) */
                                status: "queued" | "sending" | "delivered" | "failed";
                                /** @description tries made (counted afresh by a redelivery) */
                                attempts: number;
                                last_error: string | null;
                                next_attempt_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                last_attempt_at: string | null;
                                delivered_at: string | null;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event and its delivery; scope events:read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            event: {
                                /** @description the `webhook-id` of every try */
                                id: string;
                                type: "user.created" | "user.signed_in" | "user.phone_changed" | "user.telegram_linked" | "user.telegram_unlinked" | "user.blocked" | "user.deleted" | "sms.status_changed" | "alert.notified";
                                /** @description the event's data, as the body's `data` carries it */
                                data: unknown;
                                /** @description `queued` (waiting for its next try), `sending`, `delivered` or `failed` (given up) */
                                status: "queued" | "sending" | "delivered" | "failed";
                                /** @description tries made (counted afresh by a redelivery) */
                                attempts: number;
                                last_error: string | null;
                                next_attempt_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                last_attempt_at: string | null;
                                delivered_at: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/events/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Queues an event for delivery again, now, with its tries counted afresh; scope events:write
         * @description Any event not being sent at this moment: a failed one, or a delivered one the receiver lost. It goes out with the same `webhook-id`, so a receiver that kept it drops the repeat. An event being sent answers 409 EVENT_IN_FLIGHT. Recorded in the audit trail as `event.redeliver`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            event: {
                                /** @description the `webhook-id` of every try */
                                id: string;
                                type: "user.created" | "user.signed_in" | "user.phone_changed" | "user.telegram_linked" | "user.telegram_unlinked" | "user.blocked" | "user.deleted" | "sms.status_changed" | "alert.notified";
                                /** @description the event's data, as the body's `data` carries it */
                                data: unknown;
                                /** @description `queued` (waiting for its next try), `sending`, `delivered` or `failed` (given up) */
                                status: "queued" | "sending" | "delivered" | "failed";
                                /** @description tries made (counted afresh by a redelivery) */
                                attempts: number;
                                last_error: string | null;
                                next_attempt_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                last_attempt_at: string | null;
                                delivered_at: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EVENT_IN_FLIGHT`: This event is being delivered now; redeliver it once that try has ended */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EVENT_IN_FLIGHT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts, newest first, filtered and paged by cursor; scope alerts:read
         * @description Filters combine: phone_number (as typed), external_id, user_id, product_id, status.
         */
        get: {
            parameters: {
                query?: {
                    /** @description a mobile number as typed */
                    phone_number?: string;
                    /**
                     * @description the shop's own id for the user: 1 to 128 visible ASCII characters, no quote or backslash
                     * @example customer-1042
                     */
                    external_id?: string;
                    user_id?: string;
                    /** @description the shop's id for the product */
                    product_id?: string;
                    status?: "active" | "notified" | "cancelled";
                    /** @description 1 to 100, default 20 */
                    limit?: string;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            alerts: {
                                id: string;
                                product_id: string;
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                /** @description as the shop last reported it with the stock; null until it has */
                                product_name: string | null;
                                channel: "sms" | "telegram";
                                /** @description the language the alert goes out in */
                                locale: string;
                                /** @description `active` until a restock notifies it (`notified`) or it is `cancelled` */
                                status: "active" | "notified" | "cancelled";
                                /** Format: date-time */
                                created_at: string;
                                notified_at: string | null;
                                cancelled_at: string | null;
                                /** @description who or what cancelled it (the user, their stop link or button, the bot blocked, an admin, no number or the user blocked when a restock came); null unless cancelled */
                                cancel_reason: "user" | "link" | "telegram_button" | "bot_blocked" | "admin" | "no_phone" | "user_blocked" | null;
                                user_id: string;
                                /** @description the restock that notified it */
                                restock_id: string | null;
                                /** @description the first click on the alert's link */
                                clicked_at: string | null;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Subscribes a user to a back-in-stock alert, for the shop; scope alerts:write
         * @description For a guest who proved a number on the product page: name the user by exactly one of phone_number (a number without a user gets one, as POST /users creates it, and user_created is true), external_id or user_id. Safe to repeat: 201 when any alert was created, else 200 with the same alerts. All channels or none (409 ALERT_CHANNEL_UNAVAILABLE with `channel`). A blocked user is 403 USER_BLOCKED. Audited as alert.subscribe (and user.create for a new user).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the shop's id for the product */
                        product_id: string;
                        /** @description `sms` (needs a number on the account) and/or `telegram` (needs a linked Telegram that has not blocked or stopped the bot); all or nothing: one that cannot reach the user refuses the request */
                        channels: ("sms" | "telegram")[];
                        /** @description the shop's id for the variant; leave it out for a product without variants */
                        variant_id?: string;
                        /** @description a mobile number as typed; its user is created when there is none */
                        phone_number?: string;
                        /**
                         * @description the shop's own id for the user: 1 to 128 visible ASCII characters, no quote or backslash
                         * @example customer-1042
                         */
                        external_id?: string;
                        user_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description true (and status 201) when this request created any of the alerts */
                            created: boolean;
                            /** @description true when the phone number had no user and one was created */
                            user_created: boolean;
                            user_id: string;
                            alerts: {
                                id: string;
                                product_id: string;
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                /** @description as the shop last reported it with the stock; null until it has */
                                product_name: string | null;
                                channel: "sms" | "telegram";
                                /** @description the language the alert goes out in */
                                locale: string;
                                /** @description `active` until a restock notifies it (`notified`) or it is `cancelled` */
                                status: "active" | "notified" | "cancelled";
                                /** Format: date-time */
                                created_at: string;
                                notified_at: string | null;
                                cancelled_at: string | null;
                                /** @description who or what cancelled it (the user, their stop link or button, the bot blocked, an admin, no number or the user blocked when a restock came); null unless cancelled */
                                cancel_reason: "user" | "link" | "telegram_button" | "bot_blocked" | "admin" | "no_phone" | "user_blocked" | null;
                                user_id: string;
                                /** @description the restock that notified it */
                                restock_id: string | null;
                                /** @description the first click on the alert's link */
                                clicked_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description true (and status 201) when this request created any of the alerts */
                            created: boolean;
                            /** @description true when the phone number had no user and one was created */
                            user_created: boolean;
                            user_id: string;
                            alerts: {
                                id: string;
                                product_id: string;
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                /** @description as the shop last reported it with the stock; null until it has */
                                product_name: string | null;
                                channel: "sms" | "telegram";
                                /** @description the language the alert goes out in */
                                locale: string;
                                /** @description `active` until a restock notifies it (`notified`) or it is `cancelled` */
                                status: "active" | "notified" | "cancelled";
                                /** Format: date-time */
                                created_at: string;
                                notified_at: string | null;
                                cancelled_at: string | null;
                                /** @description who or what cancelled it (the user, their stop link or button, the bot blocked, an admin, no number or the user blocked when a restock came); null unless cancelled */
                                cancel_reason: "user" | "link" | "telegram_button" | "bot_blocked" | "admin" | "no_phone" | "user_blocked" | null;
                                user_id: string;
                                /** @description the restock that notified it */
                                restock_id: string | null;
                                /** @description the first click on the alert's link */
                                clicked_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_PHONE`: The phone number is not a valid mobile number for an accepted country */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_PHONE";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `ALERT_CHANNEL_UNAVAILABLE`: This channel cannot reach you: link Telegram and start the bot for Telegram alerts, or add a phone number for SMS */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "ALERT_CHANNEL_UNAVAILABLE";
                            /** @description the channel asked for that cannot reach the user */
                            channel: "sms" | "telegram";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Cancels an alert (reason admin); scope alerts:write
         * @description An alert already notified or cancelled is answered as it is, with cancelled false. Audited as alert.cancel, by the key or the staff member (the console's) who cancelled it.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description false when it was already notified or cancelled (nothing changed) */
                            cancelled: boolean;
                            alert: {
                                id: string;
                                product_id: string;
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                /** @description as the shop last reported it with the stock; null until it has */
                                product_name: string | null;
                                channel: "sms" | "telegram";
                                /** @description the language the alert goes out in */
                                locale: string;
                                /** @description `active` until a restock notifies it (`notified`) or it is `cancelled` */
                                status: "active" | "notified" | "cancelled";
                                /** Format: date-time */
                                created_at: string;
                                notified_at: string | null;
                                cancelled_at: string | null;
                                /** @description who or what cancelled it (the user, their stop link or button, the bot blocked, an admin, no number or the user blocked when a restock came); null unless cancelled */
                                cancel_reason: "user" | "link" | "telegram_button" | "bot_blocked" | "admin" | "no_phone" | "user_blocked" | null;
                                user_id: string;
                                /** @description the restock that notified it */
                                restock_id: string | null;
                                /** @description the first click on the alert's link */
                                clicked_at: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/products/{product_id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product's subscribers: active per variant and channel, and how many were notified or cancelled
         * @description A product nobody subscribed to answers an empty list. Scope alerts:read.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the shop's id for the product */
                    product_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            product_id: string;
                            /** @description every variant with an alert of any status, in variant_id order */
                            variants: {
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                product_name: string | null;
                                /** @description subscribers waiting, per channel */
                                active: {
                                    sms: number;
                                    telegram: number;
                                    total: number;
                                };
                                notified: number;
                                cancelled: number;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/products/{product_id}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reports a product's stock; a change from none to some starts a restock; scope alerts:write
         * @description Records the quantity (0 or less: out of stock; report backorderable items as 0). When the product had none (never reported, or 0 or less) and now has some, a restock is written in the same transaction and its subscribers are notified in the background, oldest first, at most quantity times ALERTS_PER_UNIT of them. Safe to repeat: the same report twice, or concurrent reports, make one restock.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the shop's product id */
                    product_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description units in stock now; 0 or less is out of stock (backorders are not stock: report a backorderable item as 0) */
                        quantity: number;
                        /** @description the shop's variant id; absent for a product without variants */
                        variant_id?: string;
                        /** @description what messages call the product (one line, at most 100 characters); kept when omitted */
                        name?: string;
                        /** @description the product's page, where the alert's link leads (http or https; https in production) */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            product_id: string;
                            /** @description null for a product without variants */
                            variant_id: string | null;
                            quantity: number;
                            /** @description the restock this report started (the product went from none to some); null otherwise */
                            restock: {
                                id: string;
                                /** @description how many subscribers it notifies: quantity times ALERTS_PER_UNIT; null: all of them */
                                notify_limit: number | null;
                            } | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/products/{product_id}/restocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product's restocks, newest first, with what came of their alerts; scope alerts:read
         * @description delivered counts SMS the provider took or reported delivered (sent, delivered) and Telegram messages Telegram accepted (sent); clicked counts alerts whose link was opened.
         */
        get: {
            parameters: {
                query?: {
                    /** @description the shop's variant id; absent for a product without variants */
                    variant_id?: string;
                    /** @description 1 to 100, default 20 */
                    limit?: string;
                };
                header?: never;
                path: {
                    /** @description the shop's product id */
                    product_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            restocks: {
                                id: string;
                                product_id: string;
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                /** @description the quantity reported */
                                quantity: number;
                                notify_limit: number | null;
                                status: "fanning" | "done";
                                /** @description subscribers whose message was queued */
                                notified: number;
                                /** @description of those, messages the SMS provider took (sent or delivered) or Telegram accepted (sent) */
                                delivered: number;
                                /** @description of those, alerts whose link was opened */
                                clicked: number;
                                /** Format: date-time */
                                created_at: string;
                                finished_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/oidc/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every OpenID Connect client, disabled ones included (never a secret); scope clients:read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            clients: {
                                client_id: string;
                                name: string;
                                redirect_uris: string[];
                                post_logout_redirect_uris: string[];
                                first_party: boolean;
                                /** @description true: no secret (PKCE); false: authenticates with its client secret */
                                public: boolean;
                                /** Format: date-time */
                                created_at: string;
                                disabled_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        /** Registers an OpenID Connect client; its secret is in this answer only; scope clients:write */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description shown in listings and on the consent page */
                        name: string;
                        /** @description exact URLs a sign-in may return to: absolute https, or http on localhost or 127.0.0.1 (any port); no fragment, no wildcard */
                        redirect_uris: string[];
                        /** @description exact URLs a sign-out may return to; same rules */
                        post_logout_redirect_uris?: string[];
                        /** @description the shop's own application: no consent asked; default false */
                        first_party?: boolean;
                        /** @description a browser or mobile app: no secret, PKCE instead; default false (confidential) */
                        public?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            client: {
                                client_id: string;
                                name: string;
                                redirect_uris: string[];
                                post_logout_redirect_uris: string[];
                                first_party: boolean;
                                /** @description true: no secret (PKCE); false: authenticates with its client secret */
                                public: boolean;
                                /** Format: date-time */
                                created_at: string;
                                disabled_at: string | null;
                            };
                            /** @description shown this once and never again (only its hash is kept); null for a public client */
                            client_secret: string | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid; `INVALID_REDIRECT_URI`: A redirect URI must be an absolute https URL (or http on localhost or 127.0.0.1), with no fragment and no wildcard */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR" | "INVALID_REDIRECT_URI";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/oidc/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One OpenID Connect client (never its secret); scope clients:read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the client's client_id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            client: {
                                client_id: string;
                                name: string;
                                redirect_uris: string[];
                                post_logout_redirect_uris: string[];
                                first_party: boolean;
                                /** @description true: no secret (PKCE); false: authenticates with its client secret */
                                public: boolean;
                                /** Format: date-time */
                                created_at: string;
                                disabled_at: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `OIDC_CLIENT_NOT_FOUND`: No OpenID Connect client with this client_id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "OIDC_CLIENT_NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Disables an OpenID Connect client at once; scope clients:write
         * @description The provider no longer finds it: it can start no sign-in and redeem no code or refresh token. The client stays listed with disabled_at. Disabling a disabled client answers 200 as it is.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the client's client_id */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            client: {
                                client_id: string;
                                name: string;
                                redirect_uris: string[];
                                post_logout_redirect_uris: string[];
                                first_party: boolean;
                                /** @description true: no secret (PKCE); false: authenticates with its client secret */
                                public: boolean;
                                /** Format: date-time */
                                created_at: string;
                                disabled_at: string | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `FORBIDDEN`: The credentials are valid but do not allow this; `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "FORBIDDEN" | "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `OIDC_CLIENT_NOT_FOUND`: No OpenID Connect client with this client_id */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "OIDC_CLIENT_NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's alerts: active ones first, then notified and cancelled, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 100, default 20 */
                    limit?: string;
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            alerts: {
                                id: string;
                                product_id: string;
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                /** @description as the shop last reported it with the stock; null until it has */
                                product_name: string | null;
                                channel: "sms" | "telegram";
                                /** @description the language the alert goes out in */
                                locale: string;
                                /** @description `active` until a restock notifies it (`notified`) or it is `cancelled` */
                                status: "active" | "notified" | "cancelled";
                                /** Format: date-time */
                                created_at: string;
                                notified_at: string | null;
                                cancelled_at: string | null;
                                /** @description who or what cancelled it (the user, their stop link or button, the bot blocked, an admin, no number or the user blocked when a restock came); null unless cancelled */
                                cancel_reason: "user" | "link" | "telegram_button" | "bot_blocked" | "admin" | "no_phone" | "user_blocked" | null;
                            }[];
                            /** @description null on the last page */
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Asks to be told, once, when a product is back in stock, by SMS and/or Telegram
         * @description Safe to repeat: each channel has at most one active alert per product and variant, and asking again answers the same alerts (200, created false); 201 when this request created any. All channels or none: 409 ALERT_CHANNEL_UNAVAILABLE (with `channel`) when one cannot reach the user. The alert goes out in the user's stored locale, else the language of Accept-Language (fa or en), else fa.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the shop's id for the product */
                        product_id: string;
                        /** @description `sms` (needs a number on the account) and/or `telegram` (needs a linked Telegram that has not blocked or stopped the bot); all or nothing: one that cannot reach the user refuses the request */
                        channels: ("sms" | "telegram")[];
                        /** @description the shop's id for the variant; leave it out for a product without variants */
                        variant_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description true (and status 201) when this request created any of the alerts */
                            created: boolean;
                            /** @description the active alert of each channel asked for */
                            alerts: {
                                id: string;
                                product_id: string;
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                /** @description as the shop last reported it with the stock; null until it has */
                                product_name: string | null;
                                channel: "sms" | "telegram";
                                /** @description the language the alert goes out in */
                                locale: string;
                                /** @description `active` until a restock notifies it (`notified`) or it is `cancelled` */
                                status: "active" | "notified" | "cancelled";
                                /** Format: date-time */
                                created_at: string;
                                notified_at: string | null;
                                cancelled_at: string | null;
                                /** @description who or what cancelled it (the user, their stop link or button, the bot blocked, an admin, no number or the user blocked when a restock came); null unless cancelled */
                                cancel_reason: "user" | "link" | "telegram_button" | "bot_blocked" | "admin" | "no_phone" | "user_blocked" | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description true (and status 201) when this request created any of the alerts */
                            created: boolean;
                            /** @description the active alert of each channel asked for */
                            alerts: {
                                id: string;
                                product_id: string;
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                /** @description as the shop last reported it with the stock; null until it has */
                                product_name: string | null;
                                channel: "sms" | "telegram";
                                /** @description the language the alert goes out in */
                                locale: string;
                                /** @description `active` until a restock notifies it (`notified`) or it is `cancelled` */
                                status: "active" | "notified" | "cancelled";
                                /** Format: date-time */
                                created_at: string;
                                notified_at: string | null;
                                cancelled_at: string | null;
                                /** @description who or what cancelled it (the user, their stop link or button, the bot blocked, an admin, no number or the user blocked when a restock came); null unless cancelled */
                                cancel_reason: "user" | "link" | "telegram_button" | "bot_blocked" | "admin" | "no_phone" | "user_blocked" | null;
                            }[];
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `ALERT_CHANNEL_UNAVAILABLE`: This channel cannot reach you: link Telegram and start the bot for Telegram alerts, or add a phone number for SMS */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "ALERT_CHANNEL_UNAVAILABLE";
                            /** @description the channel asked for that cannot reach the user */
                            channel: "sms" | "telegram";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Cancels one of your alerts
         * @description Cancelling again, or an alert already notified, answers 200 with cancelled false. Another user's alert is 404 NOT_FOUND, as an id that does not exist.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            /** @description false when it was already notified or cancelled (nothing changed) */
                            cancelled: boolean;
                            alert: {
                                id: string;
                                product_id: string;
                                /** @description null for a product without variants */
                                variant_id: string | null;
                                /** @description as the shop last reported it with the stock; null until it has */
                                product_name: string | null;
                                channel: "sms" | "telegram";
                                /** @description the language the alert goes out in */
                                locale: string;
                                /** @description `active` until a restock notifies it (`notified`) or it is `cancelled` */
                                status: "active" | "notified" | "cancelled";
                                /** Format: date-time */
                                created_at: string;
                                notified_at: string | null;
                                cancelled_at: string | null;
                                /** @description who or what cancelled it (the user, their stop link or button, the bot blocked, an admin, no number or the user blocked when a restock came); null unless cancelled */
                                cancel_reason: "user" | "link" | "telegram_button" | "bot_blocked" | "admin" | "no_phone" | "user_blocked" | null;
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `NOT_FOUND`: Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "NOT_FOUND";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `PAYLOAD_TOO_LARGE`: The request body is too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "PAYLOAD_TOO_LARGE";
                        };
                    };
                };
                /** @description `UNSUPPORTED_MEDIA_TYPE`: The request body's Content-Type is not one this route takes (application/json; introspection takes application/x-www-form-urlencoded) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNSUPPORTED_MEDIA_TYPE";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in staff member: their role and its scopes
         * @description The console's first call. Takes the user's own access token, as /api/v1/auth/me does. 403 STAFF_ONLY for a user who is not staff; staff are read afresh on every request, so a removal counts at once.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                            staff: {
                                user_id: string;
                                /** @description E.164; null for a user who signed in with Telegram only */
                                phone_number: string | null;
                                /** @description admin: every scope; support: every *:read scope */
                                role: "admin" | "support";
                                /** @description what the role may do, named as the admin API's scopes are */
                                scopes: ("sms:send" | "sms:read" | "templates:read" | "templates:write" | "providers:read" | "keys:read" | "keys:write" | "audit:read" | "tokens:introspect" | "users:read" | "users:write" | "events:read" | "events:write" | "alerts:read" | "alerts:write" | "clients:read" | "clients:write")[];
                            };
                        };
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `USER_BLOCKED`: This account is blocked; contact the shop; `STAFF_ONLY`: Only shop staff may use the admin console */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "USER_BLOCKED" | "STAFF_ONLY";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `DATABASE_UNAVAILABLE`: The database is not available; try again shortly; `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (absent when METRICS_ENABLED=false) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the Prometheus text format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
                /** @description `VALIDATION_ERROR`: The request is not valid */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "VALIDATION_ERROR";
                        };
                    };
                };
                /** @description `UNAUTHORIZED`: Authentication is required or has expired */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "UNAUTHORIZED";
                        };
                    };
                };
                /** @description `REQUEST_TIMEOUT`: The request did not arrive in time */
                408: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "REQUEST_TIMEOUT";
                        };
                    };
                };
                /** @description `EXPECTATION_FAILED`: The Expect header asks for something this service does not do; send the request without it */
                417: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "EXPECTATION_FAILED";
                        };
                    };
                };
                /** @description `INTERNAL_ERROR`: Internal error */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "INTERNAL_ERROR";
                            /** @description the id of the log line with the cause */
                            request_id: string;
                        };
                    };
                };
                /** @description `SERVICE_UNAVAILABLE`: This instance is shutting down; try again */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: false;
                            /** @description for people, in the language Accept-Language asks for (English or Persian); may be reworded */
                            message: string;
                            /** @enum {string} */
                            code: "SERVICE_UNAVAILABLE";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** Error */
        ErrorEnvelope: {
            /** @enum {boolean} */
            success: false;
            message: string;
            code: "VALIDATION_ERROR" | "INVALID_PHONE" | "OTP_INVALID" | "OTP_EXPIRED" | "OTP_ATTEMPTS_EXCEEDED" | "RATE_LIMITED" | "SMS_FAILED" | "UNAUTHORIZED" | "REAUTH_REQUIRED" | "FORBIDDEN" | "ORIGIN_NOT_ALLOWED" | "PHONE_IN_USE" | "NOT_FOUND" | "REQUEST_TIMEOUT" | "EXPECTATION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "DATABASE_UNAVAILABLE" | "SERVICE_UNAVAILABLE" | "INTERNAL_ERROR" | "IDEMPOTENCY_KEY_REUSED" | "TEMPLATE_NOT_FOUND" | "TEMPLATE_PARAMS_MISSING" | "MESSAGE_TOO_LONG" | "TEMPLATE_RESERVED" | "TEMPLATE_REQUIRED" | "USER_BLOCKED" | "USER_PHONE_CONFLICT" | "EXTERNAL_ID_IN_USE" | "MESSAGE_NOT_CANCELLABLE" | "EVENT_IN_FLIGHT" | "TELEGRAM_AUTH_INVALID" | "TELEGRAM_AUTH_EXPIRED" | "TELEGRAM_AUTH_REPLAYED" | "TELEGRAM_NOT_CONFIGURED" | "TELEGRAM_ALREADY_LINKED" | "TELEGRAM_UNLINK_REFUSED" | "TELEGRAM_UNAVAILABLE" | "OIDC_STATE_INVALID" | "TELEGRAM_WEBHOOK_OFF" | "TELEGRAM_LINK_UNKNOWN" | "ALERT_CHANNEL_UNAVAILABLE" | "STAFF_ONLY" | "OIDC_CLIENT_NOT_FOUND" | "INVALID_REDIRECT_URI" | "OIDC_INTERACTION_NOT_FOUND";
            attempts_left?: number;
            /** @description seconds; also sent as the Retry-After header */
            retry_after?: number;
            request_id?: string;
            /** @description placeholders without a value */
            missing?: string[];
            /** @description ALERT_CHANNEL_UNAVAILABLE: the channel that cannot reach the user */
            channel?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
