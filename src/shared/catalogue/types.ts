/**
 * 主动公开事项目录 (the catalogue of what must be disclosed), the taxonomies (主题分类, 体裁分类)
 * and the drafting settings: the types that cross the IPC boundary.
 */

/** The catalogue's standard columns, in spreadsheet order (export writes them; import maps by name). */
export const CATALOGUE_COLUMNS = [
  'seq',
  'level1',
  'level2',
  'content',
  'basis',
  'timeLimit',
  'subject',
  'channels',
  'audience',
  'method',
  'level',
] as const
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number]

/** A 时限 parsed into a rule: N working days or N calendar days from 成文日期. */
export interface DeadlineRule {
  unit: 'workday' | 'day'
  count: number
}

/** One catalogue entry (one row of the standard table). */
export interface CatalogueEntry {
  id: string
  /** 序号 (display order). */
  seq: number
  /** 一级事项. */
  level1: string
  /** 二级事项. */
  level2: string
  /** 公开内容（要素）. */
  content: string
  /** 公开依据. */
  basis: string
  /** 公开时限, as written, e.g. 「信息形成（变更）之日起20个工作日内」. */
  timeLimit: string
  /** 公开主体. */
  subject: string
  /** 公开渠道和载体. */
  channels: string
  /** 公开对象 (全社会 / 特定群体). */
  audience: string
  /** 公开方式 (主动 / 依申请). */
  method: string
  /** 公开层级 (县级 / 乡级). */
  level: string
  /** The parsed 时限, or null when it could not be read (items then get no due date). */
  rule: DeadlineRule | null
  /** Chinese description of the rule, e.g. 「成文日期起 20 个工作日」 or 「时限无法识别，不计算到期日」. */
  ruleText: string
  /** How many items are filed under this entry. */
  itemCount: number
  updatedAt: string
}

/** Result of `catalogue:import-xlsx`. */
export interface CatalogueImportResult {
  file: string
  /** New entries. */
  added: number
  /** Existing entries (same 一级事项 + 二级事项) whose columns were replaced. */
  updated: number
  /** Rows whose 时限 could not be parsed (1-based spreadsheet row numbers). */
  unparsedTimeLimitRows: number[]
}

/** Result of `catalogue:export-xlsx`. */
export interface CatalogueExportResult {
  file: string
  count: number
}

/** A 主题分类 node: first level with its second levels. */
export interface TopicNode {
  id: string
  name: string
  parentId: string | null
  /** True for the seeded national list; seeded topics cannot be renamed. */
  builtin: boolean
  children: TopicNode[]
}

/** A 体裁分类 entry. */
export interface Genre {
  id: string
  name: string
  builtin: boolean
}

export interface Taxonomy {
  /** First-level topics in order, each with its second levels. */
  topics: TopicNode[]
  genres: Genre[]
}

/** Settings that govern drafting. */
export interface DraftingSettings {
  /**
   * 索引号 pattern. Tokens: `{org}` 统一社会信用代码, `{yyyy}` year, `{yyyymm}` year and month, `{mm}`
   * month, `{seq:N}` the sequence zero-padded to N digits (`{seq}` unpadded). The sequence restarts
   * every year, so the pattern must contain `{yyyy}` or `{yyyymm}` and one `{seq…}`.
   */
  indexPattern: string
  /** Largest attachment accepted, in MB. */
  attachmentMaxMb: number
  /** What the pattern gives today for sequence 1, e.g. `113301000020000011/2026-00001`. */
  indexPatternExample: string
}

/** The default 索引号 pattern: `<organisation code>/<year>-<5-digit sequence>`. */
export const DEFAULT_INDEX_PATTERN = '{org}/{yyyy}-{seq:5}'

/** The default attachment size limit in MB. */
export const DEFAULT_ATTACHMENT_MAX_MB = 50

/** Attachment types accepted (extension, lower case, no dot). */
export const ATTACHMENT_EXTENSIONS = [
  'pdf',
  'docx',
  'doc',
  'wps',
  'xlsx',
  'xls',
  'et',
  'jpg',
  'jpeg',
  'png',
  'ofd',
  'zip',
] as const
