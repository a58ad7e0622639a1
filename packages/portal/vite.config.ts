// The portal is served by the api role from dist/ (packages/server/src/portal/serve.ts);
// `npm run dev` proxies the API to a local `npm start` instead.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.CX_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/v1': api, '/docs': api } },
});
