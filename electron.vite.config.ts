import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * The renderer's entry (src/renderer/src/main.tsx) is small and loads the app's chunk itself;
 * a `<link rel="modulepreload">` has the page fetch that chunk at once, beside the entry, rather
 * than after the entry has run (by then web mode's server is busy with the first replies).
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'marginalia-preload-app-chunk',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        const app = Object.values(bundle).find(
          (output) => output.type === 'chunk' && output.name === 'start-app',
        );
        if (!app || app.type !== 'chunk') return [];
        // The chunk and the chunks it imports (React, zod, …), each once.
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = bundle[fileName];
          if (files.has(fileName) || !chunk || chunk.type !== 'chunk') return;
          files.add(fileName);
          chunk.imports.forEach(add);
        };
        add(app.fileName);
        return [...files]
          .filter((fileName) => !html.includes(fileName))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 (native) and every other dependency stay external to the main bundle.
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with nothing to require but 'electron'.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), preloadAppChunk()],
    build: {
      // electron-vite leaves the renderer unminified; minified, the page parses a third as much.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
