import { defineConfig } from "vitest/config"

export default defineConfig({
  ssr: {
    resolve: {
      // Workspace packages resolve to their TypeScript sources, never to a stale dist/.
      conditions: ["@plivo-effect/source"]
    }
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**", "**/build/**"],
    testTimeout: 30_000,
    benchmark: {
      include: ["test/bench/**/*.bench.ts"]
    }
  }
})
