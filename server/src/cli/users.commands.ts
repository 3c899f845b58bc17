// `storefront admin create`, `user role`, `sessions revoke --user`: the
// account chores that otherwise need hand-written SQL. They go through the
// same repositories (and rules) as the API: the contract's checks on email,
// username and password, bcrypt at BCRYPT_COST, never demoting the last admin.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createPasswordHasher } from '../identity/passwords.js';
import { revokeUserSessions } from '../identity/sessions.repository.js';
import type { Database, UserRow } from '../db/database.js';
import { loadContract } from '../http/contract.js';
import { type AjvError, fieldErrors } from '../http/error-handler.js';
import { bodyValidator } from '../http/validation.js';
import { changeKeepingAnAdmin, findUserById, findUserForLogin, insertUser } from '../identity/users.repository.js';
import { type Command, UsageError } from './command.js';

/** A user by id (digits) or email. */
async function findUser(db: Kysely<Database>, ref: string): Promise<UserRow> {
  const user = /^[0-9]+$/.test(ref) ? await findUserById(db, Number(ref)) : await findUserForLogin(db, { email: ref });
  if (!user) throw new Error(`No user with ${/^[0-9]+$/.test(ref) ? 'id' : 'email'} ${ref}`);
  return user;
}

const describeUser = (u: UserRow) => `${u.username} <${u.email}> (id ${u.id})`;

/** The contract's rules for a new account, checked as registration checks them. */
function newAccountValidator() {
  const schemas = (loadContract().components as { schemas: Record<string, object> }).schemas;
  return bodyValidator({
    type: 'object',
    required: ['email', 'username', 'password'],
    properties: { email: schemas.Email, username: schemas.Username, password: schemas.Password },
  });
}

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
      const validate = newAccountValidator();
      if (!validate({ email, username, password })) {
        const problems = fieldErrors(validate.errors as AjvError[], 'body');
        throw new Error(problems.map((p) => `${p.path.replace('/body/', '')} ${p.message}`).join('; '));
      }
      const user = await insertUser(database.db, {
        email,
        username,
        full_name: typeof values['full-name'] === 'string' ? values['full-name'] : null,
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
      if (role !== 'admin' && role !== 'user') throw new UsageError(`The role must be admin or user, not "${role}"`);
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
