// PGlite is single-process: two processes writing one data folder corrupt it. An exclusive lock file beside the
// folder turns the second open into a clear error. A lock left by a dead process (crash, SIGKILL) is taken over.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { StoreError } from "./errors.ts";

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = `${dataDir}.lock`;
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { path, release: () => rm(path, { force: true }) };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const holder = await lockHolder(path);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
        throw new StoreError(
          "DATA_DIR_LOCKED",
          `the data folder ${dataDir} is in use by another Clusterbot process (pid ${holder}); stop it first, or set CLUSTERBOT_DATA_DIR to another folder`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new StoreError("DATA_DIR_LOCKED", `could not lock the data folder ${dataDir} (lock file ${path})`);
}

async function lockHolder(path: string): Promise<number | undefined> {
  const text = await readFile(path, "utf8").catch(() => "");
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "EEXIST";
}
