import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";

// Tauri loads http://localhost:5173 in dev builds and ui/dist in release builds
// (src-tauri/tauri.conf.json: build.devUrl and build.frontendDist), so the port is fixed
// and must not drift.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  // Unit tests (vitest runs in mode "test") exercise the stores with Svelte's client runtime,
  // real signals and deriveds, as the app does, rather than the server build.
  resolve: mode === "test" ? { conditions: ["browser"] } : undefined,
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
}));
