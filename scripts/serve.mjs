// A minimal static file server for the explorer: 127.0.0.1 only, no directory listing.
// Usage: node scripts/serve.mjs [folder] [port]   (port 0 picks a free one)
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".png": "image/png" };

/** Serves `folder` on 127.0.0.1; resolves to { url, close }. */
export const serve = (folder, port = 0) =>
  new Promise((done) => {
    const root = resolve(folder);
    const server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
      const file = normalize(join(root, path === "/" ? "index.html" : path));
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
        response.writeHead(404).end("not found");
        return;
      }
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      createReadStream(file).pipe(response);
    });
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      done({ url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2] ?? "explorer/dist";
  const { url } = await serve(folder, Number(process.argv[3] ?? 5178));
  console.log(`explorer: ${url}  (Ctrl-C to stop)`);
}
