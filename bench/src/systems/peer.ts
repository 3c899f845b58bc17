// System 2, the peer: Express + express-openapi-validator loading the same
// contract, with request and response validation and a bearerAuth security
// handler (HS256 verify + the session/user query), as that library's users
// set it up. Same SQL as the others, through `pg`.
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import {
  createPool,
  CURRENT_USER_SQL,
  HOST,
  listSql,
  PORT,
  PRODUCT_SQL,
  toProduct,
  toUser,
  verifyHs256,
  type ProductRow,
} from './shared.js';

const pool = createPool();
const secret = process.env.JWT_SECRET ?? '';
const app = express();
const responseErrors = new Set<string>();
process.on('SIGTERM', () => {
  if (responseErrors.size > 0)
    console.error(`peer: response validation failed: ${[...responseErrors].slice(0, 3).join('; ')}`);
  process.exit(0);
});
app.use(express.json());
app.use(
  OpenApiValidator.middleware({
    apiSpec: fileURLToPath(new URL('../../../openapi/openapi.yaml', import.meta.url)),
    validateRequests: true,
    // Ajv's default float check refuses prices like 4.51 as `multipleOf: 0.01`;
    // reported, not turned into 500s, as a user of the library would settle it.
    validateResponses: { onError: (err: Error) => void responseErrors.add(err.message) },
    validateSecurity: {
      handlers: {
        async bearerAuth(req) {
          const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
          const claims = token ? verifyHs256(token, secret) : undefined;
          if (!claims) throw { status: 401, message: 'invalid token' };
          const { rows } = await pool.query(CURRENT_USER_SQL, [claims.sid, Number(claims.sub)]);
          if (!rows[0]) throw { status: 401, message: 'revoked' };
          (req as Request & { user?: unknown }).user = rows[0];
          return true;
        },
      },
    },
  }),
);

app.get('/api/v1/health', async (_req, res) => {
  await pool.query('select 1');
  res.json({ status: 'healthy', database: 'healthy', version: '1.0.0' });
});

app.get('/api/v1/products/:product_id', async (req, res) => {
  const { rows } = await pool.query<ProductRow>(PRODUCT_SQL, [Number(req.params.product_id)]);
  if (!rows[0]) {
    res.status(404).type('application/problem+json').json({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'no such product',
      code: 'NOT_FOUND',
      request_id: 'peer',
    });
    return;
  }
  res.setHeader('etag', `"p${rows[0].id}v1"`);
  res.json(toProduct(rows[0]));
});

app.get('/api/v1/products', async (req, res) => {
  const q = listSql(req.query as Record<string, string>);
  const [page, count] = await Promise.all([pool.query<ProductRow>(q.page), pool.query<{ total: number }>(q.count)]);
  const total = count.rows[0]?.total ?? 0;
  res.json({
    items: page.rows.map(toProduct),
    total,
    page: q.pageNumber,
    page_size: q.pageSize,
    has_next: q.pageNumber * q.pageSize < total,
  });
});

app.get('/api/v1/auth/me', (req, res) => {
  res.json(toUser((req as Request & { user: Parameters<typeof toUser>[0] }).user));
});

app.use((err: { status?: number; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
  const status = err.status ?? 500;
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: 'Error',
      status,
      detail: err.message ?? 'error',
      code: 'ERROR',
      request_id: 'peer',
    });
});

app.listen(PORT, HOST);
