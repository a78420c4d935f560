import { allowedValues, isSecretVariable } from '../../src/config/explain.ts';
import { ENV_GROUPS, EnvSchema, type EnvGroup } from '../../src/config/schema.ts';

/** What `.env.example` reads from a variable's schema. */
export interface VariableSchema {
  readonly description?: string;
  readonly default?: unknown;
  readonly makeWith?: string;
}

const HEADER = `# otpgate configuration. Start from it: \`cp .env.example .env\`, then change what you need. otpgate reads
# .env from its working directory at start; variables set in the environment win over it. Each line holds the
# default (an empty value counts as unset), so a line you do not change may as well be deleted, and then a
# later version's default applies. Secrets are left empty: make your own as their comment says.
#
# Generated from src/config/schema.ts by \`npm run generate\`: change the schema, not this file.
`;

/** A value as a .env line holds it: quoted when it has a space, a quote or a `#`, which would end it. */
function envValue(value: string): string {
  return /[\s#"'`]/.test(value) ? JSON.stringify(value) : value;
}

/**
 * The text of `.env.example`: every variable of the schema, by the sections of ENV_GROUPS, each with its
 * meaning, what it allows and its default. Throws, naming the variable, when one has no description or is
 * in no section (or in two), so that the file cannot leave a variable out or unexplained.
 */
export function renderEnvExample(
  properties: Readonly<Record<string, VariableSchema>> = EnvSchema.properties,
  groups: readonly EnvGroup[] = ENV_GROUPS,
): string {
  const grouped = groups.flatMap((group) => group.variables as readonly string[]);
  for (const name of Object.keys(properties)) {
    const times = grouped.filter((listed) => listed === name).length;
    if (times !== 1) throw new Error(`${name} is in ${times} sections of ENV_GROUPS (src/config/schema.ts), not 1`);
    if (!properties[name]!.description?.trim()) {
      throw new Error(`${name} has no description in src/config/schema.ts`);
    }
  }
  const unknown = grouped.find((name) => !(name in properties));
  if (unknown) throw new Error(`ENV_GROUPS lists ${unknown}, which is not in the schema`);

  const sections = groups.map((group) => {
    const entries = group.variables.map((name) => {
      const schema = properties[name]!;
      const lines = [`# ${schema.description!.trim()}`];
      const allowed = allowedValues(name);
      // A string with no rule of its own allows "a value", which says nothing.
      if (allowed !== 'a value') lines.push(`# Allowed: ${allowed.replace(/\.?$/, '.')}`);
      if (isSecretVariable(name)) {
        lines.push(schema.makeWith ? `# Secret. Make one with: ${schema.makeWith}` : '# Secret: never commit it.');
        lines.push(`${name}=`);
      } else {
        lines.push(`${name}=${schema.default === undefined ? '' : envValue(String(schema.default))}`);
      }
      return lines.join('\n');
    });
    return `# ---- ${group.title} ----\n\n${entries.join('\n\n')}\n`;
  });
  return [HEADER, ...sections].join('\n');
}
