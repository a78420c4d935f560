import { parseArgs } from 'node:util';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** The option may be given more than once; its value is then the list, in order. */
  readonly multiple?: boolean;
}

export interface CommandLine {
  readonly values: Readonly<Record<string, string | boolean | readonly (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * A command's arguments, the same way for every command: `--help` or `-h` anywhere before `--` prints the
 * usage to stdout and means exit 0; an unknown option or a value where none belongs prints what is wrong and
 * the usage to stderr and means exit 2. Either way the number returned is the exit code.
 */
export function parseCommand(
  name: string,
  argv: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
  usage: string,
): CommandLine | number {
  const end = argv.indexOf('--');
  const own = end < 0 ? argv : argv.slice(0, end);
  if (own.includes('--help') || own.includes('-h')) {
    process.stdout.write(usage);
    return 0;
  }
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (error) {
    return usageError(name, firstSentence(error), usage);
  }
}

/** A mistake on the command line: one line naming it, then the usage, on stderr; exit 2. */
export function usageError(name: string, problem: string, usage: string): number {
  process.stderr.write(`otpgate: ${name}: ${problem}\n\n${usage}`);
  return 2;
}

/** Node's message goes on to explain `--`; its first sentence says what is wrong. */
function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\.\s|\n/)[0] ?? message;
}
