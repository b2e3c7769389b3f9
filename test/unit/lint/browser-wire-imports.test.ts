/**
 * What the browser loads to check the wire (issue 12, the student page's first load):
 * app/client/connection.ts and everything it imports at run time. The protocol's unions are
 * built from each algorithm's wire schemas (shared/rules/wire-registry.ts), so a phone must
 * not load the algorithms' rules, and its schemas are zod/mini so classic zod stays out.
 * Walks the real import graph with the TypeScript parser; `import type` is skipped, as the
 * bundler erases it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

const root = process.cwd();

/** The specifiers a file imports or re-exports at run time. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      const onlyTypes = !clause?.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      found.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? join(root, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : null;
  if (!base) return null;
  const file = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(existsSync);
  if (!file) throw new Error(`cannot resolve ${specifier} from ${relative(root, from)}`);
  return file;
}

/** Every project file and every package reached from `entry` at run time. */
function reach(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      const local = resolveLocal(file, specifier);
      if (local) queue.push(local);
      else packages.add(specifier);
    }
  }
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() };
}

describe('the wire checks a phone loads (issue 12)', () => {
  const reached = reach('app/client/connection.ts');

  it('reach every algorithm\'s wire schemas and none of its rules, nor the registry of modules', () => {
    const algorithmFiles = reached.files.filter((f) => /^shared\/rules\/[^/]+\//.test(f));
    expect(algorithmFiles).toEqual(['shared/rules/bully/wire-schema.ts', 'shared/rules/lease/wire-schema.ts', 'shared/rules/raft/wire-schema.ts']);
    expect(reached.files).toContain('shared/protocol.ts');
    expect(reached.files).not.toContain('shared/rules/registry.ts');
  });

  it('use zod/mini, never classic zod', () => {
    expect(reached.packages).toContain('zod/mini');
    expect(reached.packages).not.toContain('zod');
  });

  it('know every registered algorithm\'s wire without the registry (a new algorithm listed in wire-registry.ts too)', async () => {
    vi.resetModules();
    const { fromWires } = await import('../../../shared/rules/wire-registry');
    const wireNames = fromWires((wires) => wires.map((w) => w.name))();
    const { algorithms } = await import('../../../shared/rules/registry');
    expect(wireNames).toEqual(algorithms().map((m) => m.name));
  });
});
