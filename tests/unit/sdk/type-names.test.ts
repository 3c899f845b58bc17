// How the compiler prints result types, which is what an editor's tooltip and
// an error message show: `ApiPromise<Result<Product>>`, not the schema's
// fields expanded. Reads fixtures/printed.ts with TypeScript's own checker.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';

const config = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/printed.ts', import.meta.url));

/** Every variable of the fixture with its type as the compiler prints it. */
function printedTypes(): Record<string, string> {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    config,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
  );
  if (!parsed) throw new Error(`cannot read ${config}`);
  const program = ts.createProgram([fixture], parsed.options);
  const checker = program.getTypeChecker();
  const printed: Record<string, string> = {};
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name))
      printed[node.name.text] = checker.typeToString(checker.getTypeAtLocation(node.name));
    ts.forEachChild(node, visit);
  };
  const source = program.getSourceFile(fixture);
  if (!source) throw new Error(`cannot read ${fixture}`);
  visit(source);
  return printed;
}

it('results print as the schema names: Product, ProductPage, Order, User, TokenPair, Health', () => {
  const { sdk: _client, ...printed } = printedTypes();
  expect(printed).toEqual({
    product: 'ApiPromise<Result<Product>>',
    productPage: 'ApiPromise<Result<ProductPage>>',
    order: 'ApiPromise<Result<Order>>',
    placed: 'ApiPromise<Result<Order>>',
    me: 'ApiPromise<Result<User>>',
    tokens: 'ApiPromise<Result<TokenPair>>',
    health: 'ApiPromise<Result<Health>>',
    orderData: 'Order | undefined',
    firstProduct: 'Product | undefined',
  });
}, 60_000);
