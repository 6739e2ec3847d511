import type { Workshop } from "../../core/clustering/index.ts";
import type { FileIssue } from "./errors.ts";

export interface LoadedWorkshop {
  workshop: Workshop;
  /** Problems that did not stop the import (e.g. a repeated interest); worth showing. */
  warnings: FileIssue[];
}

export type TemplateFormat = "json" | "csv" | "xlsx";
export const TEMPLATE_FORMATS: readonly TemplateFormat[] = ["json", "csv", "xlsx"];
