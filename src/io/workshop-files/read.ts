import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseWorkshopCsv } from "./csv.ts";
import { WorkshopFileError } from "./errors.ts";
import { parseWorkshopJson } from "./json.ts";
import type { LoadedWorkshop } from "./types.ts";

/** Reads a workshop from a .json, .csv or .xlsx file; any problem is a WorkshopFileError listing located issues. */
export async function readWorkshopFile(file: string): Promise<LoadedWorkshop> {
  const extension = extname(file).toLowerCase();
  if (![".json", ".csv", ".xlsx"].includes(extension)) {
    throw new WorkshopFileError([
      { file, message: `unsupported file type "${extension || "(none)"}": expected .json, .csv or .xlsx` },
    ]);
  }
  const data = await readBytes(file);
  // ExcelJS takes a noticeable share of a second to load: only workbooks pay for it.
  if (extension === ".xlsx") return (await import("./xlsx.ts")).parseWorkshopXlsx(data, file);
  const text = new TextDecoder("utf-8").decode(data);
  return extension === ".json" ? parseWorkshopJson(text, file) : parseWorkshopCsv(text, file);
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "file not found"
        : code === "EISDIR"
          ? "is a directory, expected a file"
          : `cannot be read (${code ?? String(error)})`;
    throw new WorkshopFileError([{ file, message: reason }]);
  }
}
