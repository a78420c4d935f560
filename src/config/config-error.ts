/** A configuration problem found at start. Its message is one line, fit to print and exit on. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
