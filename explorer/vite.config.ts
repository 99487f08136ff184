import { defineConfig } from "vite";

// The explorer: a static page built into explorer/dist (relative asset paths, so any static
// file server, or a file:// URL, can serve it).
export default defineConfig({
  root: new URL(".", import.meta.url).pathname,
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  logLevel: "warn",
});
