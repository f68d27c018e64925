import { sql, type Kysely } from 'kysely'

/**
 * 政府信息公开工作年度报告 (条例第四十九条、第五十条): per year the officer's draft (format, the text of
 * sections 一/五/六 with live fields, the disclosure item it became), the figures the store does not
 * hold (行政许可/处罚/强制 decisions, 行政事业性收费, or an override of a store figure) each with its
 * source, and last year's published figures entered or imported in the first year in the app (the
 * cross-year checks need them). The 体裁 规章, 行政规范性文件 and 年度报告 are added so table 二 can
 * be counted from items and the finished report filed under its own category. Immutable once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_drafts (
      year INTEGER PRIMARY KEY NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('2021', '2019')),
      sections_json TEXT NOT NULL DEFAULT '{}',
      item_id TEXT REFERENCES items (id),
      tables_json TEXT,
      published_hash TEXT,
      sent_hash TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT
    ) STRICT
  `.execute(db)
  // One officer-entered figure (or override of a store figure) per cell of the year's tables;
  // only the 2019 format's 本年增/减 may be negative (checked in core).
  await sql`
    CREATE TABLE report_figures (
      year INTEGER NOT NULL,
      cell TEXT NOT NULL,
      value REAL NOT NULL,
      source TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT,
      PRIMARY KEY (year, cell)
    ) STRICT
  `.execute(db)
  // Last year's published figures (year = the report year they come from), typed or imported.
  await sql`
    CREATE TABLE report_prior_figures (
      year INTEGER NOT NULL,
      cell TEXT NOT NULL,
      value REAL NOT NULL CHECK (value >= 0),
      source TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by_name TEXT,
      PRIMARY KEY (year, cell)
    ) STRICT
  `.execute(db)
  const now = new Date(0).toISOString()
  const genres: [string, string][] = [
    ['genre-report-rule', '规章'],
    ['genre-report-normative', '行政规范性文件'],
    ['genre-report-annual', '年度报告'],
  ]
  for (const [id, name] of genres) {
    await sql`
      INSERT INTO genres (id, name, position, builtin, created_at)
      SELECT ${id}, ${name}, COALESCE((SELECT MAX(position) FROM genres), 0) + 1, 1, ${now}
      WHERE NOT EXISTS (SELECT 1 FROM genres WHERE name = ${name})
    `.execute(db)
  }
}
