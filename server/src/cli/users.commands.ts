// `storefront admin create`, `user role`, `sessions revoke --user`: the
// account chores that otherwise need hand-written SQL. They go through the
// same repositories (and rules) as the API: the contract's checks on every
// field (contract-inputs.ts), bcrypt at BCRYPT_COST, never demoting the last admin.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createPasswordHasher } from '../identity/passwords.js';
import { revokeUserSessions } from '../identity/sessions.repository.js';
import type { Database, UserRow } from '../db/database.js';
import { changeKeepingAnAdmin, findUserById, findUserForLogin, insertUser } from '../identity/users.repository.js';
import { type Command, UsageError } from './command.js';
import { idFrom, problemsWith } from './contract-inputs.js';

/** A user by id (digits) or email; one the contract's user_id or email could not name does not exist. */
async function findUser(db: Kysely<Database>, ref: string): Promise<UserRow> {
  const byId = /^[0-9]+$/.test(ref);
  const id = byId ? idFrom('userId', ref) : undefined;
  const user =
    id !== undefined
      ? await findUserById(db, id)
      : !byId && problemsWith('email', ref).length === 0
        ? await findUserForLogin(db, { email: ref })
        : undefined;
  if (!user) throw new Error(`No user with ${byId ? 'id' : 'email'} ${ref}`);
  return user;
}

const describeUser = (u: UserRow) => `${u.username} <${u.email}> (id ${u.id})`;

/** A role setUserRole takes. */
const isRole = (role: string | undefined): role is UserRow['role'] => problemsWith('roleChange', { role }).length === 0;

/** The body's fields in the contract's problems, as the options that set them. */
const OPTION_OF: Record<string, string> = { email: '--email', username: '--username', full_name: '--full-name' };
const inOptionTerms = (problem: string) => problem.replace(/^(\w+)/, (field) => OPTION_OF[field] ?? field);

/** 18 random bytes: 24 base64url characters, plus one of each class the password rules ask for. */
const generatePassword = () => `${randomBytes(18).toString('base64url')}aA1#`;

export const userCommands: Command[] = [
  {
    name: 'admin create',
    usage: '--email EMAIL --username NAME [--full-name NAME] [--password-stdin]',
    summary: 'create an admin account; prints a generated password unless one is piped in',
    options: {
      email: { type: 'string' },
      username: { type: 'string' },
      'full-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
    async run({ database, config, io, values }) {
      const { email, username } = values;
      if (typeof email !== 'string' || typeof username !== 'string')
        throw new UsageError('--email and --username are required');
      // On the command line a password would show in the process list and the shell history.
      const piped = values['password-stdin'] === true;
      const password = piped ? (await io.readStdin()).replace(/\r?\n$/, '') : generatePassword();
      const fullName = typeof values['full-name'] === 'string' ? values['full-name'] : null;
      // Checked as createUser checks the same account sent by an admin.
      const problems = problemsWith('newUser', { email, username, password, full_name: fullName, role: 'admin' });
      if (problems.length > 0) throw new Error(problems.map(inOptionTerms).join('; '));
      const user = await insertUser(database.db, {
        email,
        username,
        full_name: fullName,
        role: 'admin',
        password_hash: await createPasswordHasher(config.bcryptCost).hash(password),
      });
      io.out(`Created admin ${describeUser(user)}.`);
      if (!piped) io.out(`Password (shown once): ${password}`);
    },
  },
  {
    name: 'user role',
    usage: 'USER admin|user',
    summary: 'make a user (id or email) an admin or a user; the last active admin stays one',
    positionals: 2,
    async run({ database, io, positionals: [ref = '', role] }) {
      if (!isRole(role))
        throw new UsageError(`Invalid role "${role}": ${problemsWith('roleChange', { role }).join('; ')}`);
      const before = await findUser(database.db, ref);
      if (before.role === role) return io.out(`${describeUser(before)} is already ${role}.`);
      const after = await changeKeepingAnAdmin(database.db, before.id, { role });
      if (!after) throw new Error(`No user with id ${before.id}`);
      io.out(`${describeUser(after)}: ${before.role} -> ${after.role}. It applies to their next request.`);
    },
  },
  {
    name: 'sessions revoke',
    usage: '--user USER',
    summary: 'end every session of a user (id or email): their tokens stop working at once',
    options: { user: { type: 'string' } },
    async run({ database, io, values }) {
      if (typeof values.user !== 'string') throw new UsageError('--user is required');
      const user = await findUser(database.db, values.user);
      const count = await revokeUserSessions(database.db, user.id);
      io.out(`Revoked ${count} session${count === 1 ? '' : 's'} of ${describeUser(user)}.`);
    },
  },
];
