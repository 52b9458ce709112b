import js from "@eslint/js"
import tseslint from "typescript-eslint"

export default tseslint.config(
  { ignores: ["**/dist/**", "**/build/**", "**/node_modules/**", "**/*.js", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // `declare namespace X { interface Service }` sits beside a service tag, as in Effect.
      "@typescript-eslint/no-namespace": ["error", { allowDeclarations: true }],
      // `interface X extends Schema.Type<typeof X> {}` names a schema's type, as in Effect.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }]
    }
  },
  {
    // A `.cts` file is a CommonJS program (the pack test's CommonJS consumer): it requires.
    files: ["**/*.cts"],
    rules: { "@typescript-eslint/no-require-imports": "off" }
  },
  {
    files: ["packages/*/src/**/*.ts", "packages/*/bin/**/*.ts"],
    rules: {
      // Barrels load every module; start-up time is part of what users feel.
      "no-restricted-imports": ["error", {
        paths: [
          { name: "effect", message: "Import by module path, e.g. effect/Effect." },
          { name: "@effect/platform", message: "Import by module path, e.g. @effect/platform/HttpClient." },
          { name: "@effect/platform-node", message: "Import by module path." },
          // A sibling's barrel loads all of it: importing Messages must not load webhooks.
          { name: "@plivo-effect/core", message: "Import by module subpath, e.g. @plivo-effect/core/PlivoClient." },
          { name: "@plivo-effect/compliance", message: "Import by module subpath, e.g. @plivo-effect/compliance/Brands." },
          { name: "@plivo-effect/messaging", message: "Import by module subpath, e.g. @plivo-effect/messaging/Messages." },
          { name: "@plivo-effect/powerpack", message: "Import by module subpath, e.g. @plivo-effect/powerpack/Powerpacks." },
          { name: "@plivo-effect/testing", message: "Import by module subpath, e.g. @plivo-effect/testing/PlivoEmulator." }
        ],
        patterns: [{ group: ["@plivo-effect/*/internal/*"], message: "internal/ modules are not exported." }]
      }],
      // No unchecked casts in library code: values are narrowed by Schema or type guards.
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "never" }]
    }
  }
)
