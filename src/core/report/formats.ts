export const REPORT_FORMATS = ["md", "html", "pdf", "docx", "xlsx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function parseReportFormat(text: string | undefined): ReportFormat | undefined {
  return REPORT_FORMATS.find((f) => f === text?.trim().toLowerCase());
}
