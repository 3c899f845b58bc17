import { call, init } from '../call.js';
import type { ClientParts } from '../client.js';
import { paginated } from '../pagination.js';
import type { Body, Data, PathParams, Query, RequestOptions } from '../types.js';

type UserId = PathParams<'getUser'>['user_id'];

export function usersResource({ client }: ClientParts) {
  return {
    /** listUsers (admin): `list` for one page, `iterate` for all. */
    ...paginated((query?: Query<'listUsers'>, options?: RequestOptions) =>
      call<Data<'listUsers'>>(client.GET('/users', { params: { query }, ...init(options) })),
    ),
    /** createUser (admin): like register, with a chosen role. */
    create: (body: Body<'createUser'>, options?: RequestOptions) => call<Data<'createUser'>>(client.POST('/users', { body, ...init(options) })),
    /** getUser: yourself, or anyone as admin. */
    get: (userId: UserId, options?: RequestOptions) =>
      call<Data<'getUser'>>(client.GET('/users/{user_id}', { params: { path: { user_id: userId } }, ...init(options) })),
    /** updateUser: partial update. */
    update: (userId: UserId, body: Body<'updateUser'>, options?: RequestOptions) =>
      call<Data<'updateUser'>>(client.PATCH('/users/{user_id}', { params: { path: { user_id: userId } }, body, ...init(options) })),
    /** replaceUser (deprecated PUT alias of update). */
    replace: (userId: UserId, body: Body<'replaceUser'>, options?: RequestOptions) =>
      call<Data<'replaceUser'>>(client.PUT('/users/{user_id}', { params: { path: { user_id: userId } }, body, ...init(options) })),
    /** deleteUser. */
    delete: (userId: UserId, options?: RequestOptions) =>
      call<Data<'deleteUser'>>(client.DELETE('/users/{user_id}', { params: { path: { user_id: userId } }, ...init(options) })),
    /** setUserRole (admin). */
    setRole: (userId: UserId, body: Body<'setUserRole'>, options?: RequestOptions) =>
      call<Data<'setUserRole'>>(client.PUT('/users/{user_id}/role', { params: { path: { user_id: userId } }, body, ...init(options) })),
  };
}
