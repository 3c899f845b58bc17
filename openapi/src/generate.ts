// Renders the files generated from the contract. `pnpm gen` (scripts/gen.ts)
// writes them; a test compares them with a fresh render so they cannot go stale.
import openapiTS, { astToString, type SchemaObject } from 'openapi-typescript';
import ts from 'typescript';
import { bundleFile, contractFile, typesFile } from './files.js';
import { loadContract } from './load.js';
import { GENERATED_HEADER as header } from './surface/header.js';
import { renderFormattedSurface, type SurfaceFile, surfaceFiles } from './surface/index.js';

export async function renderTypes(): Promise<string> {
  const ast = await openapiTS(contractFile, { alphabetize: false, immutable: false, transform: constraintsOnly });
  return header + astToString(ast);
}

/**
 * A string schema whose `allOf` only adds constraints (Password's patterns)
 * is a plain `string`: left alone, openapi-typescript writes
 * `string & (unknown & unknown & ...)`, which is the same type but reads
 * badly wherever an editor shows it.
 */
function constraintsOnly(schema: SchemaObject): ts.TypeNode | undefined {
  const parts = 'allOf' in schema ? schema.allOf : undefined;
  if (schema.type !== 'string' || !parts?.length) return undefined;
  const constraintOnly = parts.every(
    (part) => !('$ref' in part) && !('type' in part) && !('properties' in part) && !('enum' in part),
  );
  return constraintOnly ? ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword) : undefined;
}

export async function renderBundle(): Promise<string> {
  return `${JSON.stringify(await loadContract(), null, 2)}\n`;
}

export interface GeneratedFile {
  file: URL;
  render: () => Promise<string>;
}

let surface: Promise<Record<SurfaceFile, string>> | undefined;
/** The SDK and React surface, rendered once per process for all its files. */
function renderSurfaceFile(path: SurfaceFile): Promise<string> {
  surface ??= loadContract().then(renderFormattedSurface);
  return surface.then((files) => files[path]);
}

export const generatedFiles: GeneratedFile[] = [
  { file: typesFile, render: renderTypes },
  { file: bundleFile, render: renderBundle },
  ...Object.keys(surfaceFiles).map((path) => ({
    file: new URL(`../../${path}`, import.meta.url),
    render: () => renderSurfaceFile(path as SurfaceFile),
  })),
];
