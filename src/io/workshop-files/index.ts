export { parseWorkshopCsv } from "./csv.ts";
export { type FileIssue, formatFileIssue, WorkshopFileError } from "./errors.ts";
export { parseWorkshopJson } from "./json.ts";
export { readWorkshopFile } from "./read.ts";
export { EXAMPLE_WORKSHOP, workshopTemplate } from "./templates.ts";
export { type LoadedWorkshop, TEMPLATE_FORMATS, type TemplateFormat } from "./types.ts";
export { parseWorkshopXlsx } from "./xlsx.ts";
