import "server-only";
// A CSV download: a file name the browser saves it under, never cached (it holds the seller's orders).
export const csvResponse = (csv: string, fileName: string) =>
  new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
