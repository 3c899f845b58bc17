// Where the contract and the files generated from it live. Everything that
// reads or writes them asks here, so a move is one edit.
export const contractFile = new URL('../openapi.yaml', import.meta.url);
/** The TypeScript types of the contract (openapi-typescript), imported as `@storefront/contract/types`. */
export const typesFile = new URL('../generated/openapi.d.ts', import.meta.url);
/**
 * The contract bundled into one JSON document (internal `$ref`s kept). The
 * server reads this at run time, through `@storefront/contract/openapi.json`,
 * so production needs neither the YAML parser nor Redocly.
 */
export const bundleFile = new URL('../generated/openapi.json', import.meta.url);
