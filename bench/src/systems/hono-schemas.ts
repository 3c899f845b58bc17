// The Hono peer's routes: zod schemas written to match the contract's
// (openapi/openapi.yaml) for the five operations it serves, declared with
// @hono/zod-openapi's createRoute as that library's users write them.
// Requests are validated; responses are typed, not validated at run time
// (the library does not validate them either).
import { createRoute, z } from '@hono/zod-openapi';

const Id = z.number().int().min(1).max(2147483647);
/** Path and query integers in plain decimal digits, as the server accepts them. */
const digits = (schema: z.ZodNumber) =>
  z
    .string()
    .regex(/^(0|-?[1-9][0-9]*)$/)
    .transform(Number)
    .pipe(schema);
const Timestamp = z.string().max(40);

const Product = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  description: z.string().max(5000).nullable(),
  price: z.number().min(0.01).max(1_000_000),
  stock: z.number().int().min(0).max(1_000_000_000),
  category: z.string().min(1).max(64).nullable(),
  created_by: Id.nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const Health = z.object({
  status: z.enum(['healthy', 'unhealthy']),
  database: z.enum(['healthy', 'unhealthy']),
  version: z.string().max(32),
});
const User = z.object({
  id: Id,
  username: z.string().min(3).max(32),
  email: z.string().min(3).max(254),
  full_name: z.string().max(100).nullable(),
  role: z.enum(['user', 'admin']),
  is_active: z.boolean(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
const OrderCreate = z.strictObject({
  items: z
    .array(z.strictObject({ product_id: Id, quantity: z.number().int().min(1).max(1000) }))
    .min(1)
    .max(100),
  shipping_address: z.string().min(5).max(500),
});
const Order = z.object({
  id: Id,
  user_id: Id,
  status: z.enum(['pending', 'processing', 'completed', 'failed', 'shipped', 'delivered', 'cancelled']),
  total_amount: z.number(),
  shipping_address: z.string().max(500),
  items: z.array(
    z.object({
      id: Id,
      product_id: Id,
      product_name: z.string().max(200),
      quantity: z.number().int(),
      unit_price: z.number(),
    }),
  ),
  failure_reason: z.string().max(500).nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  code: z.string(),
  request_id: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: Problem } },
  description,
});
const bearer = [{ bearerAuth: [] }];

export const getHealth = createRoute({
  method: 'get',
  path: '/api/v1/health',
  operationId: 'getHealth',
  responses: { 200: json(Health, 'Healthy.'), 503: json(Health, 'The database is unreachable.') },
});

export const getProduct = createRoute({
  method: 'get',
  path: '/api/v1/products/{product_id}',
  operationId: 'getProduct',
  request: { params: z.object({ product_id: digits(Id) }) },
  responses: { 200: json(Product, 'The product.'), 404: problem('No such product.'), 422: problem('Invalid id.') },
});

export const listProducts = createRoute({
  method: 'get',
  path: '/api/v1/products',
  operationId: 'listProducts',
  request: {
    query: z.object({
      page: digits(z.number().int().min(1).max(100_000)).optional(),
      page_size: digits(z.number().int().min(1).max(100)).optional(),
      search: z.string().min(1).max(100).optional(),
      category: z.string().min(1).max(64).optional(),
      sort: z.enum(['created_at', '-created_at', 'price', '-price', 'name', '-name']).optional(),
    }),
  },
  responses: {
    200: json(
      z.object({
        items: z.array(Product),
        total: z.number().int(),
        page: z.number().int(),
        page_size: z.number().int(),
        has_next: z.boolean(),
      }),
      'One page of products.',
    ),
    422: problem('Invalid query.'),
  },
});

export const getCurrentUser = createRoute({
  method: 'get',
  path: '/api/v1/auth/me',
  operationId: 'getCurrentUser',
  security: bearer,
  responses: { 200: json(User, 'The signed-in user.'), 401: problem('Not signed in.') },
});

export const createOrder = createRoute({
  method: 'post',
  path: '/api/v1/orders',
  operationId: 'createOrder',
  security: bearer,
  request: { body: { content: { 'application/json': { schema: OrderCreate } }, required: true } },
  responses: {
    201: json(Order, 'The order, pending.'),
    400: problem('A product does not exist.'),
    401: problem('Not signed in.'),
    422: problem('Invalid order.'),
  },
});
