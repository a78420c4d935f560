/** The service cannot start as configured (a schema that is behind); its message is one line to print. */
export class StartupError extends Error {
  override name = 'StartupError';
}
