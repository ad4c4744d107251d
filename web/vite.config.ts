// `vite build web` → web/dist (served by `npm start` and, in the cloud, from S3 behind CloudFront).
// `vite web` serves the page with hot reload and sends API calls to a running `npm start` (port 3000).
// The page is Preact: JSX is compiled by Vite's own transform (oxc) with Preact's automatic runtime, no plugin needed.
import { defineConfig } from 'vite';

const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 400 },
  server: { proxy: { '/stations': api, '/dev': api, '/health': api } },
});
