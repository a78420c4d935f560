import { existsSync } from 'node:fs';
import { loadConfig, type Config } from './index.ts';

/**
 * The process environment, with `.env` from the working directory underneath it when the file exists
 * (variables already set win). The one place that reads `process.env`.
 */
export function configFromEnvironment(envFile = '.env'): Config {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return loadConfig(process.env);
}
