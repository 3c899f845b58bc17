// User accounts: users manage themselves, admins manage everyone.
import { principalOf, canAccess } from '../identity/principal.js';
import { revokeUserSessions } from '../identity/sessions.repository.js';
import type { AppContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import type { ApiRequest, Handlers } from '../http/handler-types.js';
import { pageOf, pageParams } from '../http/pagination.js';
import {
  activateUser,
  changeKeepingAnAdmin,
  findUserById,
  insertUser,
  listUsers,
  toUser,
  updateUserFields,
} from '../identity/users.repository.js';

type UserOperation =
  | 'listUsers'
  | 'createUser'
  | 'getUser'
  | 'updateUser'
  | 'replaceUser'
  | 'deleteUser'
  | 'reactivateUser'
  | 'setUserRole';

export function createUserHandlers({ db, passwords }: AppContext): Handlers<UserOperation> {
  /** Self or admin may touch a user; anyone else is refused before we reveal whether it exists. */
  function authorizeUserAccess(req: ApiRequest<'getUser' | 'updateUser'>): number {
    const id = req.params.user_id;
    if (!canAccess(principalOf(req), id)) throw forbidden();
    return id;
  }

  async function update(req: ApiRequest<'updateUser' | 'replaceUser'>) {
    const id = authorizeUserAccess(req);
    const { username, email, full_name } = req.body;
    const row = await updateUserFields(db, id, {
      ...(username !== undefined && { username }),
      ...(email !== undefined && { email }),
      ...(full_name !== undefined && { full_name }),
    });
    if (!row) throw notFound(`User ${id}`);
    return toUser(row);
  }

  return {
    /** Admin: page through users with optional filters. */
    async listUsers(req) {
      const { page, pageSize } = pageParams(req.query);
      const { rows, total } = await listUsers(db, {
        page,
        pageSize,
        isActive: req.query?.is_active,
        role: req.query?.role,
        search: req.query?.search,
      });
      return pageOf(rows.map(toUser), total, page, pageSize);
    },

    /** Admin: create a user with any role. */
    async createUser(req, reply) {
      const { username, email, password, full_name, role } = req.body;
      const row = await insertUser(db, {
        username,
        email,
        full_name: full_name ?? null,
        role: role ?? 'user',
        password_hash: await passwords.hash(password),
      });
      reply.code(201).header('location', `/api/v1/users/${row.id}`);
      return toUser(row);
    },

    /** Self or admin. */
    async getUser(req) {
      const id = authorizeUserAccess(req);
      const row = await findUserById(db, id);
      if (!row) throw notFound(`User ${id}`);
      return toUser(row);
    },

    /** Self or admin: username, email and full name only. */
    updateUser: update,
    /** Deprecated PUT alias of updateUser. */
    replaceUser: update,

    /** Admin: deactivate; the account's tokens stop working at once. */
    async deleteUser(req, reply) {
      const id = req.params.user_id;
      // In the deactivating transaction, so a login in flight cannot slip a session in after it (createSession).
      const row = await changeKeepingAnAdmin(db, id, { is_active: false }, (trx) => revokeUserSessions(trx, id));
      if (!row) throw notFound(`User ${id}`);
      reply.code(204);
      return undefined;
    },

    /** Admin: undo deleteUser. Sessions ended then stay ended; an active user is left unchanged. */
    async reactivateUser(req) {
      const id = req.params.user_id;
      // A deactivated user has no live session, unless it was deactivated behind the API's back
      // (by hand in SQL): ending any such session here means none is ever revived.
      const row = await activateUser(db, id, (trx) => revokeUserSessions(trx, id));
      if (!row) throw notFound(`User ${id}`);
      return toUser(row);
    },

    /** Admin: change a role; the last active admin cannot be demoted. */
    async setUserRole(req) {
      const id = req.params.user_id;
      const row = await changeKeepingAnAdmin(db, id, { role: req.body.role });
      if (!row) throw notFound(`User ${id}`);
      return toUser(row);
    },
  };
}
