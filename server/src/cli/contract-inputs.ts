// What an operator types is checked by the rules of the API field it stands
// for, read from the contract (the bundle the server validates requests with),
// never from a copy of a pattern or a limit: the CLI cannot store what the API
// would refuse to store or to serve, nor hand the database an id it cannot hold.
import { isCanonicalInteger } from '../http/canonical-numbers.js';
import { loadContract } from '../http/contract.js';
import { type AjvError, fieldErrors } from '../http/error-handler.js';
import { contractValidators } from '../http/validation.js';

/** The API fields the CLI's inputs stand for, as JSON pointers into the contract. */
const FIELDS = {
  /** createUser's body (`admin create`). */
  newUser: '#/paths/~1users/post/requestBody/content/application~1json/schema',
  /** setUserRole's body (`user role`). */
  roleChange: '#/paths/~1users~1{user_id}~1role/put/requestBody/content/application~1json/schema',
  /** A user named by email (`user role`, `sessions revoke`). */
  email: '#/components/schemas/Email',
  userId: '#/components/parameters/UserId/schema',
  orderId: '#/components/parameters/OrderId/schema',
} as const;

let validatorOf: ReturnType<typeof contractValidators> | undefined;

/** What the contract says is wrong with `value` as the API field, one line per problem; [] when it passes. */
export function problemsWith(field: keyof typeof FIELDS, value: unknown): string[] {
  validatorOf ??= contractValidators(loadContract());
  const validate = validatorOf(FIELDS[field]);
  if (validate(value)) return [];
  return fieldErrors(validate.errors as AjvError[], 'body').map((p) =>
    `${p.path.replace(/^\/body\/?/, '')} ${p.message}`.trim(),
  );
}

/** The id `text` spells as the API's path parameter would take it, or undefined when it can name no row. */
export function idFrom(field: 'userId' | 'orderId', text: string): number | undefined {
  if (!isCanonicalInteger(text)) return undefined;
  const id = Number(text);
  return problemsWith(field, id).length === 0 ? id : undefined;
}
