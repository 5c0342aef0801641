// GET /products/{id}/twitter-image — the same preview as opengraph-image, for twitter:image: its image and
// its alt, size and type, re-exported.
export { default, alt, size, contentType } from "./opengraph-image";
