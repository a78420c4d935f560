import { STAFF_ROLES, isStaffRole, type StaffRole } from '../api-keys/scopes.ts';
import { CLI_ACTOR } from '../audit/actor.ts';
import type { Config } from '../config/index.ts';
import { parseMobile } from '../phone/parse.ts';
import type { StaffMember } from '../staff/repository.ts';
import { createStaff, type Staff } from '../staff/service.ts';
import { parseCommand, type CommandLine } from './args.ts';
import { openCommandDatabase } from './database.ts';
import { printable, printTable } from './output.ts';

export const ADMINS_USAGE = `usage: otpgate admins add --phone N [--role admin|support] | admins remove --phone N | admins list

  admins add --phone N [--role admin|support]
                          make the user with this number staff of the admin console (admin by default);
                          a number without a user gets one, who signs in with a code as any other. Run
                          again with another --role to change the role.
  admins remove --phone N take the number's user off staff, at once (they stay a user)
  admins list             list the staff: user id, number, role, when and by whom added

  admin holds every scope of the admin API; support every *:read scope. N in any form the API accepts
  (0912..., +98912..., Persian digits). Reads PHONE_ALLOWED_COUNTRIES for the numbers. Works on an existing
  database only (DATABASE_URL, or DATA_DIR/otpgate.db): create it with otpgate migrate.
`;

export type AdminsConfig = Pick<Config, 'database' | 'phone'>;

type Action = (staff: Staff, out: (line: string) => void) => Promise<number>;

/**
 * `admins add | remove | list`. What was typed is checked before the database is opened; a mistake is one
 * line on stderr and exit 2; a number that is not staff, on remove, is one line and exit 1.
 */
export async function runAdmins(readConfig: () => AdminsConfig, argv: readonly string[]): Promise<number> {
  const line = parseCommand('admins', argv, { phone: { type: 'string' }, role: { type: 'string' } }, ADMINS_USAGE);
  if (typeof line === 'number') return line;
  const config = readConfig();
  const action = parse(line, config.phone.allowedCountries);
  if (typeof action === 'string') {
    process.stderr.write(`otpgate: admins: ${action}\n`);
    return 2;
  }
  const database = await openCommandDatabase(config.database);
  try {
    const staff = createStaff({ db: database.db, lockRows: database.dialect === 'postgres', now: Date.now });
    return await action(staff, (text) => process.stdout.write(`${printable(text)}\n`));
  } finally {
    await database.close();
  }
}

/** The action to run, or what is wrong with the command line. */
function parse({ positionals, values }: CommandLine, allowedCountries: readonly string[]): Action | string {
  const phone = values.phone as string | undefined;
  const role = values.role as string | undefined;
  const [sub, ...rest] = positionals;
  if (rest.length > 0) return `unexpected argument "${rest[0]}" (see otpgate admins --help)`;
  const number = () => {
    if (phone === undefined) return `admins ${sub} needs --phone`;
    const parsed = parseMobile(phone, allowedCountries);
    return parsed
      ? { phoneNumber: parsed.e164 }
      : `--phone: "${phone}" is not a mobile number of ${allowedCountries.join(', ')} (PHONE_ALLOWED_COUNTRIES)`;
  };
  switch (sub) {
    case 'add': {
      const target = number();
      if (typeof target === 'string') return target;
      const chosen = role ?? 'admin';
      if (!isStaffRole(chosen)) return `--role: "${chosen}" is not a role (choose from ${STAFF_ROLES.join(', ')})`;
      return (staff, out) => add(staff, out, target, chosen);
    }
    case 'remove': {
      if (role !== undefined) return 'admins remove takes no --role';
      const target = number();
      return typeof target === 'string' ? target : (staff, out) => remove(staff, out, target);
    }
    case 'list':
      return phone !== undefined || role !== undefined ? 'admins list takes no options' : list;
    default:
      return sub
        ? `unknown action "${sub}" (see otpgate admins --help)`
        : 'an action is needed (see otpgate admins --help)';
  }
}

async function add(staff: Staff, out: (line: string) => void, target: { phoneNumber: string }, role: StaffRole) {
  const done = await staff.add(target, role, CLI_ACTOR);
  const who = `${target.phoneNumber} (user ${'member' in done ? done.member.userId : '-'})`;
  switch (done.outcome) {
    case 'added':
      out(`added ${who} as ${role}${done.userCreated ? '; the number had no user: one was created' : ''}`);
      return 0;
    case 'role_changed':
      out(`changed ${who} from ${done.previous} to ${role}`);
      return 0;
    case 'unchanged':
      out(`${who} is already ${role}`);
      return 0;
    case 'no_user':
      // Only a user id can name nobody; a number gets its user.
      throw new Error('no such user');
  }
}

async function remove(staff: Staff, out: (line: string) => void, target: { phoneNumber: string }) {
  const removed = await staff.remove(target, CLI_ACTOR);
  if (!removed) {
    process.stderr.write(`otpgate: admins: ${target.phoneNumber} is not staff\n`);
    return 1;
  }
  out(`removed ${target.phoneNumber} (user ${removed.userId}) from staff; they were ${removed.role}`);
  return 0;
}

async function list(staff: Staff, out: (line: string) => void) {
  const all = await staff.list();
  if (all.length === 0) {
    out('no staff (add one with: otpgate admins add --phone N)');
    return 0;
  }
  printTable(
    [
      ['user id', 'phone', 'role', 'added', 'added by'],
      ...all.map((member: StaffMember) => [
        member.userId,
        member.phoneNumber ?? '-',
        member.role,
        time(member.createdAt),
        member.createdBy ?? '-',
      ]),
    ],
    out,
  );
  return 0;
}

/** Minutes are precise enough for people reading the list, and UTC avoids guessing the server's zone. */
function time(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
}
