import { defineConfig } from 'vite';

// `npm start` serves the demo (index.html) with the mock engine in the
// page; MSW's worker is served from public/.
export default defineConfig({
  server: { port: 5173 },
  build: { outDir: 'dist/demo' },
});
