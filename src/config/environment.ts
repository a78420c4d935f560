import { existsSync } from 'node:fs';
import { loadConfig, type Config } from './index.ts';
import type { Env } from './schema.ts';

/**
 * The process environment, with `.env` from the working directory underneath it when the file exists
 * (variables already set win). The one place that reads `process.env`.
 */
export function configFromEnvironment(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return loadConfig(process.env);
}

/**
 * The configuration built from `names` alone, for a command that uses only those: every other variable is
 * neither read nor checked, so `migrate` in production needs no AUTH_SECRET or SMS settings. The parts of
 * the result built from other variables are defaults and mean nothing; the caller's type should say which
 * parts it reads (see the commands in cli/).
 */
export function configFromEnvironmentOnly(names: ReadonlyArray<keyof Env>, envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return loadConfig(Object.fromEntries(names.map((name) => [name, process.env[name]])));
}
