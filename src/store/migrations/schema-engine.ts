// Loads Prisma's schema engine as WebAssembly, so migrations run in-process with no binary download.
// The package root imports a .wasm as a module, which Node cannot do, so the glue is wired by hand.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type WasmExports = Record<string, unknown> & { __wbindgen_start: () => void };
// lib.dom is not loaded (this is a server), so the one WebAssembly call used is typed here.
const { WebAssembly } = globalThis as unknown as {
  WebAssembly: {
    instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: WasmExports } }>;
  };
};

let gluePromise: Promise<Glue> | undefined;

export function loadSchemaEngineGlue(): Promise<Glue> {
  gluePromise ??= instantiate();
  return gluePromise;
}

async function instantiate(): Promise<Glue> {
  const panicRegistry = {
    message: "",
    set_message(message: string) {
      this.message = message;
    },
  };
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;

  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue: Glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(glue) });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

// The engine arms a 10 s timer it never clears; unref it so the process can exit as soon as its work is done.
function withUnrefTimers(glue: Glue): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...glue };
  for (const [name, fn] of Object.entries(glue)) {
    if (name.startsWith("__wbg_setTimeout_") && typeof fn === "function") {
      imports[name] = (...args: unknown[]) => {
        const timer = (fn as (...a: unknown[]) => unknown)(...args);
        if (timer && typeof timer === "object" && "unref" in timer && typeof timer.unref === "function") {
          timer.unref();
        }
        return timer;
      };
    }
  }
  return imports;
}

export type { SchemaEngine };
