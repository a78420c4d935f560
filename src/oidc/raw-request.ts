import type { FastifyRequest } from 'fastify';

/** The Fastify request a raw request came from, for the provider's hooks (its id, its page session). */
export const fastifyRequestOf = new WeakMap<object, FastifyRequest>();
