// Node module hook for the production server: outside Next's bundler there is no "react-server"
// condition, so "server-only" (which throws when imported elsewhere) resolves to an empty module here.
// Next's own bundles are unaffected: they resolve "server-only" themselves.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return nextResolve(specifier, context);
}
