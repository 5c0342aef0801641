// swagger-ui-dist ships no types; only what components/api-docs/reference.tsx calls.
declare module "swagger-ui-dist/swagger-ui-es-bundle.js" {
  type Options = { url: string; domNode: HTMLElement; deepLinking?: boolean; tryItOutEnabled?: boolean };
  const SwaggerUIBundle: (options: Options) => unknown;
  export default SwaggerUIBundle;
}
