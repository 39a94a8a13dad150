import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The lab: viz/ is the app root; the engine runs in a module worker (format 'es'); output in viz/dist.
export default defineConfig({
  root: fileURLToPath(new URL('./viz', import.meta.url)),
  base: './',
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
});
