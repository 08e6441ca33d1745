//! The Export dialog's form as plain data: the formats it offers, the filters typed as
//! comma-separated lists, and where to suggest saving. No IPC and no state here, so the rules
//! are tested alone.

import type { ExportFormat, ExportRequest } from "../ipc";
import { fileName, parentDir } from "./text";

export interface FormatChoice {
  id: ExportFormat;
  label: string;
  /** What the user gets, in a few words. */
  hint: string;
}

export const REPORT_FORMATS: readonly FormatChoice[] = [
  { id: "html", label: "HTML", hint: "one self-contained page, printable" },
  { id: "pdf", label: "PDF", hint: "printed by Chromium" },
  { id: "docx", label: "Word (DOCX)", hint: "right-to-left paragraphs where Arabic" },
  { id: "md", label: "Markdown", hint: "plain text with tables" },
];

export const DATA_FORMATS: readonly FormatChoice[] = [
  { id: "csv", label: "CSV", hint: "a folder of statements, actors and coverage" },
  { id: "xlsx", label: "Excel (XLSX)", hint: "three sheets" },
  { id: "json", label: "JSON", hint: "the whole analysis" },
  { id: "qdpx", label: "REFI-QDA (QDPX)", hint: "for MAXQDA, ATLAS.ti, NVivo, QualCoder" },
];

export function isReport(format: ExportFormat): boolean {
  return REPORT_FORMATS.some((f) => f.id === format);
}

/** The filters as the user types them: names separated by commas (Arabic «،» too). */
export interface ExportForm {
  format: ExportFormat;
  actors: string;
  outlets: string;
  tags: string;
  from: string;
  to: string;
}

/** "Haddad, نصار ،  " → ["Haddad", "نصار"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,،]/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

export function toRequest(form: ExportForm): ExportRequest {
  const date = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    format: form.format,
    actors: splitList(form.actors),
    outlets: splitList(form.outlets),
    tags: splitList(form.tags),
    from: date(form.from),
    to: date(form.to),
  };
}

/** Two requests select and write the same thing (so a preview still describes it). */
export function sameRequest(a: ExportRequest, b: ExportRequest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Where to suggest saving: beside the project, named after it ("study.parallax" →
 * "study.html"; "study-csv" for the CSV folder).
 */
export function suggestedPath(projectPath: string, format: ExportFormat): string {
  const name = fileName(projectPath).replace(/\.parallax$/i, "") || "export";
  const file = format === "csv" ? `${name}-csv` : `${name}.${format}`;
  const folder = parentDir(projectPath);
  if (folder === "") return file;
  const separator = projectPath.includes("\\") && !projectPath.includes("/") ? "\\" : "/";
  return folder.endsWith(separator) ? folder + file : folder + separator + file;
}

/**
 * The path the user typed, with its extension changed to the new format when it was the old
 * format's (a path the user named differently is left alone).
 */
export function retarget(path: string, from: ExportFormat, to: ExportFormat): string {
  const oldEnding = from === "csv" ? "-csv" : `.${from}`;
  const newEnding = to === "csv" ? "-csv" : `.${to}`;
  return path.endsWith(oldEnding) ? path.slice(0, -oldEnding.length) + newEnding : path;
}
