// Reads the layering rules (layers.json) and finds the imports that cross them. Imports are read with the
// TypeScript compiler's parser: import/export declarations (type-only too), `import x = require()`, `import()` and
// `import("…").Type`.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, posix, resolve } from "node:path";
import ts from "typescript";

export interface LayerRule {
  name: string;
  files?: string;
  forbid?: string[];
  allow?: string[];
  siblings?: string;
}

export interface Crossing {
  rule: string;
  file: string;
  line: number;
  imported: string;
}

export const repositoryRoot = resolve(dirname(new URL(import.meta.url).pathname), "../..");

export function readRules(path = join(repositoryRoot, "test/architecture/layers.json")): LayerRule[] {
  return (JSON.parse(readFileSync(path, "utf8")) as { rules: LayerRule[] }).rules;
}

/** Every import in a file, with its line, as written. */
export function importsOf(fileName: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node, literal: ts.Node | undefined) => {
    if (literal && ts.isStringLiteralLike(literal))
      found.push({ specifier: literal.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node, node.moduleReference.expression);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      add(node, node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What an import names: a repository path for a relative import, the specifier itself otherwise. */
export function target(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return posix.normalize(posix.join(posix.dirname(file), specifier));
}

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

export function matches(pattern: string, path: string): boolean {
  if (pattern === "node-builtins") return builtins.has(path) || path.startsWith("node:");
  const expression = pattern
    .split("/")
    .map((segment) =>
      segment === "**" ? "(?:.*)" : segment.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*"),
    )
    .join("/")
    .replace(/\/\(\?:\.\*\)$/, "(?:/.*)?")
    .replace(/\(\?:\.\*\)\//g, "(?:.*/)?");
  return new RegExp(`^${expression}$`).test(path);
}

/** The crossings in these files (repository paths → text). */
export function crossings(rules: LayerRule[], files: Map<string, string>): Crossing[] {
  const found: Crossing[] = [];
  for (const [file, text] of files) {
    for (const { specifier, line } of importsOf(file, text)) {
      const imported = target(file, specifier);
      for (const rule of rules) {
        if (crosses(rule, file, imported)) found.push({ rule: rule.name, file, line, imported: specifier });
      }
    }
  }
  return found;
}

function crosses(rule: LayerRule, file: string, imported: string): boolean {
  if (rule.siblings) {
    const own = folderMatching(rule.siblings, file);
    const other = folderMatching(rule.siblings, imported);
    return own !== undefined && other !== undefined && own !== other;
  }
  if (!rule.files || !matches(rule.files, file)) return false;
  if (!(rule.forbid ?? []).some((pattern) => matches(pattern, imported))) return false;
  return !(rule.allow ?? []).some((pattern) => matches(pattern, imported));
}

/** The folder matching `pattern` that contains `path`, e.g. "src/platforms/slack" for "src/platforms/*". */
function folderMatching(pattern: string, path: string): string | undefined {
  const depth = pattern.split("/").length;
  const folder = path.split("/").slice(0, depth).join("/");
  return path.split("/").length > depth && matches(pattern, folder) ? folder : undefined;
}

/** Every TypeScript file under `folder`, as repository paths → text (generated code left out). */
export function sourceFiles(folder = "src"): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (directory: string) => {
    for (const entry of readdirSync(join(repositoryRoot, directory), { withFileTypes: true })) {
      const path = posix.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (path !== "src/generated") walk(path);
      } else if (entry.name.endsWith(".ts")) files.set(path, readFileSync(join(repositoryRoot, path), "utf8"));
    }
  };
  walk(folder);
  return files;
}

export function describeCrossing(crossing: Crossing): string {
  return `${crossing.file}:${crossing.line} imports ${crossing.imported} (${crossing.rule})`;
}
