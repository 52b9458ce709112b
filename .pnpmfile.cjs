// What `pnpm pack` / `pnpm publish` put in a package's manifest: no devDependencies and no
// scripts (both only mean something inside this workspace), and no `@plivo-effect/source`
// condition (it points at TypeScript sources for the workspace's tools, not for users).
// `workspace:` ranges are rewritten by pnpm itself.
const SOURCE_CONDITION = "@plivo-effect/source"

const withoutSourceCondition = (target) => {
  if (target === null || typeof target !== "object" || Array.isArray(target)) return target
  return Object.fromEntries(
    Object.entries(target)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, value]) => [key, withoutSourceCondition(value)])
  )
}

module.exports = {
  hooks: {
    beforePacking(pkg) {
      delete pkg.devDependencies
      delete pkg.scripts
      if (pkg.exports !== undefined) pkg.exports = withoutSourceCondition(pkg.exports)
      return pkg
    }
  }
}
