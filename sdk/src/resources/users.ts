import type { RequestOptions } from '../call.js';
import type { ClientParts } from '../client.js';
import { paginated } from '../pagination.js';
import type { Body, Data, PathParams, Query } from '../types.js';
import type { User, UserPage } from '../schemas.js';

type UserId = PathParams<'getUser'>['user_id'];

export function usersResource({ client, call }: ClientParts) {
  return {
    /** listUsers (admin): `list` for one page, `iterate` for all. */
    ...paginated((query?: Query<'listUsers'>, options?: RequestOptions) =>
      call<UserPage>(options, (init) => client.GET('/users', { params: { query }, ...init })),
    ),
    /** createUser (admin): like register, with a chosen role. */
    create: (body: Body<'createUser'>, options?: RequestOptions) =>
      call<User>(options, (init) => client.POST('/users', { body, ...init })),
    /** getUser: yourself, or anyone as admin. */
    get: (userId: UserId, options?: RequestOptions) =>
      call<User>(options, (init) => client.GET('/users/{user_id}', { params: { path: { user_id: userId } }, ...init })),
    /** updateUser: partial update. */
    update: (userId: UserId, body: Body<'updateUser'>, options?: RequestOptions) =>
      call<User>(options, (init) =>
        client.PATCH('/users/{user_id}', { params: { path: { user_id: userId } }, body, ...init }),
      ),
    /** replaceUser (deprecated PUT alias of update). */
    replace: (userId: UserId, body: Body<'replaceUser'>, options?: RequestOptions) =>
      call<User>(options, (init) =>
        client.PUT('/users/{user_id}', { params: { path: { user_id: userId } }, body, ...init }),
      ),
    /** deleteUser. */
    delete: (userId: UserId, options?: RequestOptions) =>
      call<Data<'deleteUser'>>(options, (init) =>
        client.DELETE('/users/{user_id}', { params: { path: { user_id: userId } }, ...init }),
      ),
    /** reactivateUser (admin): undo delete; the user logs in afresh. */
    reactivate: (userId: UserId, options?: RequestOptions) =>
      call<User>(options, (init) =>
        client.POST('/users/{user_id}/reactivate', { params: { path: { user_id: userId } }, ...init }),
      ),
    /** setUserRole (admin). */
    setRole: (userId: UserId, body: Body<'setUserRole'>, options?: RequestOptions) =>
      call<User>(options, (init) =>
        client.PUT('/users/{user_id}/role', { params: { path: { user_id: userId } }, body, ...init }),
      ),
  };
}
