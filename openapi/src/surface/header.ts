/** The first line of every generated file. */
export const GENERATED_HEADER =
  '// GENERATED FILE: do not edit. Run `pnpm gen` after changing openapi/openapi.yaml.\n\n';
