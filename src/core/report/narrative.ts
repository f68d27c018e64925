import type { ActivityYearFigures } from '../../shared/activities/types'
import { ITEM_KIND_LABELS } from '../../shared/items/labels'
import type { ItemKind } from '../../shared/items/types'
import type { NarrativeSectionKey } from '../../shared/report/format'
import type { LiveField } from '../../shared/report/types'
import type { ScheduleYearFigures } from '../../shared/schedule/types'
import type { CompiledReport } from './compile'

/**
 * Sections 一, 五 and 六 (annual-report.md): editable text whose figures are live fields —
 * `{{requests.received}}` in the stored text prints as the current count, so a late answer or a
 * corrected register changes the narrative with the tables. The generated first draft says what
 * the records hold (items by category, interpretations, requests and how they were answered, fees
 * charged, the 工作配档表's completion, open-government activities, consultations).
 */

/** Figures from the other domains the narrative quotes. */
export interface NarrativeInputs {
  schedule: ScheduleYearFigures
  activities: ActivityYearFigures
  /** ENGAGEMENT's reader, when present: label → value. */
  engagement: { key: string; label: string; value: number }[]
}

const yuan = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2))

/** Every live field of the year, in the order the field menu lists them. */
export function liveFields(r: CompiledReport, x: NarrativeInputs): LiveField[] {
  const t3 = r.tables.table3
  const total = (row: string) => t3[row]?.total ?? 0
  const sumRows = (prefix: string) =>
    Object.entries(t3)
      .filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))
      .reduce((n, [, v]) => n + (v.total ?? 0), 0)
  const received = t3.received ?? {}
  const organisations =
    (received.commercial ?? 0) +
    (received.research ?? 0) +
    (received.public_interest ?? 0) +
    (received.legal_service ?? 0) +
    (received.other ?? 0)
  const publishedTotal = r.facts.publishedByKind.reduce((n, k) => n + k.count, 0)
  const byKind = new Map(r.facts.publishedByKind.map((k) => [k.kind, k.count]))
  const t2 = r.tables.table2
  const t4 = r.tables.table4
  const f: LiveField[] = []
  const add = (group: string, key: string, label: string, value: string | number) =>
    f.push({ group, key, label, value: String(value) })
  add('单位', 'department', '单位名称', r.department)
  add('单位', 'year', '报告年度', r.year)
  add('主动公开', 'items.published', '本年主动公开信息（条）', publishedTotal)
  for (const kind of Object.keys(ITEM_KIND_LABELS) as ItemKind[]) {
    add('主动公开', `items.${kind}`, `其中${ITEM_KIND_LABELS[kind]}（条）`, byKind.get(kind) ?? 0)
  }
  add(
    '主动公开',
    'items.enforcementNotices',
    '其中执法公示（许可、处罚、强制）（条）',
    ['permit', 'penalty', 'enforcement'].reduce((n, k) => n + (byKind.get(k) ?? 0), 0),
  )
  add('主动公开', 'interpretations.total', '政策解读（篇）', r.facts.interpretations.total)
  add(
    '主动公开',
    'interpretations.linked',
    '关联政策文件的解读（篇）',
    r.facts.interpretations.linked,
  )
  const reg = (row: string, col: string) => t2[row]?.[col] ?? 0
  if (r.format === '2021') {
    add('主动公开', 'rules.made', '本年制发规章（件）', reg('rules', 'made'))
    add('主动公开', 'normative.made', '本年制发行政规范性文件（件）', reg('normative', 'made'))
    add(
      '主动公开',
      'normative.repealed',
      '本年废止行政规范性文件（件）',
      reg('normative', 'repealed'),
    )
    add(
      '主动公开',
      'normative.inForce',
      '现行有效行政规范性文件（件）',
      reg('normative', 'in_force'),
    )
  } else {
    add('主动公开', 'rules.made', '本年新制作规章（件）', reg('rules', 'new_made'))
    add('主动公开', 'normative.made', '本年新制作规范性文件（件）', reg('normative', 'new_made'))
  }
  add('依申请公开', 'requests.received', '本年新收申请（件）', total('received'))
  add('依申请公开', 'requests.natural', '其中自然人申请（件）', received.natural ?? 0)
  add('依申请公开', 'requests.organisations', '其中法人或其他组织申请（件）', organisations)
  add('依申请公开', 'requests.carriedOver', '上年结转申请（件）', total('carried_over'))
  add('依申请公开', 'requests.answered', '本年办结（件）', total('total'))
  add('依申请公开', 'requests.disclosed', '予以公开（件）', total('1'))
  add('依申请公开', 'requests.partial', '部分公开（件）', total('2'))
  add('依申请公开', 'requests.withheld', '不予公开（件）', sumRows('3'))
  add('依申请公开', 'requests.unable', '无法提供（件）', sumRows('4'))
  add('依申请公开', 'requests.notHandled', '不予处理（件）', sumRows('5'))
  add('依申请公开', 'requests.otherHandled', '其他处理（件）', sumRows('6'))
  add('依申请公开', 'requests.carriedForward', '结转下年度继续办理（件）', total('carried_forward'))
  const caseTotal = (k: string) => t4[k]?.total ?? 0
  add('复议诉讼', 'cases.reconsideration', '行政复议（件）', caseTotal('reconsideration'))
  add(
    '复议诉讼',
    'cases.litigation',
    '行政诉讼（件）',
    caseTotal('litigation_direct') + caseTotal('litigation_after'),
  )
  add(
    '复议诉讼',
    'cases.corrected',
    '结果纠正（件）',
    ['reconsideration', 'litigation_direct', 'litigation_after'].reduce(
      (n, k) => n + (t4[k]?.corrected ?? 0),
      0,
    ),
  )
  add('信息处理费', 'fees.notices', '发出收费通知（件）', r.facts.fees.notices)
  add('信息处理费', 'fees.billed', '应收信息处理费（元）', yuan(r.facts.fees.billed))
  add('信息处理费', 'fees.collected', '实际收取信息处理费（元）', yuan(r.facts.fees.collected))
  add('工作配档表', 'schedule.total', '配档任务（项）', x.schedule.own)
  add('工作配档表', 'schedule.done', '已完成（项）', x.schedule.done)
  add('工作配档表', 'schedule.rate', '完成率', `${(x.schedule.completionRate * 100).toFixed(1)}%`)
  add('工作配档表', 'schedule.inProgress', '推进中（项）', x.schedule.inProgress)
  add('工作配档表', 'schedule.overdue', '逾期未完成（项）', x.schedule.overdue)
  add('政府开放活动', 'activities.held', '开展政府开放活动（次）', x.activities.held)
  add('政府开放活动', 'activities.participants', '参加活动（人次）', x.activities.participants)
  add('政府开放活动', 'activities.opinions', '收到意见建议（条）', x.activities.opinions)
  add('政府开放活动', 'activities.adopted', '采纳意见建议（条）', x.activities.adopted)
  for (const e of x.engagement) add('公众参与', `engagement.${e.key}`, e.label, e.value)
  return f
}

const FIELD_RE = /\{\{([a-zA-Z0-9_.]+)\}\}/g

/** The text with every `{{field}}` filled in; an unknown field prints as 【未知字段：x】. */
export function renderNarrative(text: string, fields: readonly LiveField[]): string {
  const map = new Map(fields.map((f) => [f.key, f.value]))
  return text.replace(FIELD_RE, (_, key: string) => map.get(key) ?? `【未知字段：${key}】`)
}

/** Fields the text names that do not exist (a typo in a typed `{{…}}`). */
export function unknownFields(text: string, fields: readonly LiveField[]): string[] {
  const known = new Set(fields.map((f) => f.key))
  return [...text.matchAll(FIELD_RE)].map((m) => m[1]!).filter((k) => !known.has(k))
}

/** The generated first draft of each narrative section, with live fields. */
export function generatedSections(
  r: CompiledReport,
  x: NarrativeInputs,
): Record<NarrativeSectionKey, string> {
  // 许可/处罚/强制 公示 are counted together as 行政执法公示: 「行政许可公示 N 条」 would read as
  // the number of 行政许可 decisions, which is table 二's figure, not an item count.
  const decisionKinds = new Set(['permit', 'penalty', 'enforcement'])
  const kinds = r.facts.publishedByKind
    .filter((k) => k.count > 0 && k.kind !== 'other' && !decisionKinds.has(k.kind))
    .sort((a, b) => b.count - a.count)
    .map((k) => `${ITEM_KIND_LABELS[k.kind as ItemKind] ?? k.kind} {{items.${k.kind}}} 条`)
  if (r.facts.publishedByKind.some((k) => decisionKinds.has(k.kind) && k.count > 0)) {
    kinds.push('执法公示信息 {{items.enforcementNotices}} 条')
  }
  const normative =
    r.format === '2021'
      ? '本年制发规章 {{rules.made}} 件、行政规范性文件 {{normative.made}} 件，废止行政规范性文件 {{normative.repealed}} 件，现行有效行政规范性文件 {{normative.inForce}} 件。'
      : '本年新制作规章 {{rules.made}} 件、规范性文件 {{normative.made}} 件。'
  // 「开展意见征集（次）」 → 「开展意见征集 {{engagement.consultations}} 次」.
  const phrase = (e: { key: string; label: string }) => {
    const m = /^(.*)（(.*)）$/.exec(e.label)
    return m ? `${m[1]} {{engagement.${e.key}}} ${m[2]}` : `${e.label} {{engagement.${e.key}}}`
  }
  const engagement = x.engagement.length
    ? `公众参与方面，${x.engagement.map(phrase).join('，')}。`
    : ''
  const overview = [
    '{{year}}年，{{department}}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，扎实做好政府信息公开各项工作。现将本年度政府信息公开工作情况报告如下。',
    `（一）主动公开。全年主动公开政府信息 {{items.published}} 条${
      kinds.length ? `，其中${kinds.join('、')}` : ''
    }；发布政策解读 {{interpretations.total}} 篇。${normative}`,
    '（二）依申请公开。全年新收政府信息公开申请 {{requests.received}} 件（自然人 {{requests.natural}} 件，法人或其他组织 {{requests.organisations}} 件），上年结转 {{requests.carriedOver}} 件。本年度办结 {{requests.answered}} 件，其中予以公开 {{requests.disclosed}} 件，部分公开 {{requests.partial}} 件，不予公开 {{requests.withheld}} 件，无法提供 {{requests.unable}} 件，不予处理 {{requests.notHandled}} 件，其他处理 {{requests.otherHandled}} 件；结转下年度继续办理 {{requests.carriedForward}} 件。全年发生政府信息公开行政复议 {{cases.reconsideration}} 件、行政诉讼 {{cases.litigation}} 件。',
    '（三）政府信息管理。严格落实公开前保密审查制度，对拟公开的政府信息逐条审查；及时标注政策文件有效性，做好规范性文件的清理。',
    '（四）政府信息公开平台建设。依托政府门户网站政府信息公开专栏集中发布政府信息，及时更新主动公开事项目录。',
    `（五）监督保障。全年开展政府开放活动 {{activities.held}} 次，参加 {{activities.participants}} 人次，收到意见建议 {{activities.opinions}} 条，采纳 {{activities.adopted}} 条。${engagement}`,
  ].join('\n')
  const problems = [
    `${r.year}年，本单位政府信息公开工作取得了一定成效，但仍存在一些不足：（请填写本年度存在的主要问题）。`,
    `针对上一年度报告提出的问题，本单位已采取以下改进措施：（请填写上年度问题的改进情况）。`,
    `下一步，本单位将进一步加强政府信息公开工作：（请填写改进措施）。${
      x.schedule.overdue > 0
        ? '工作配档表中尚有 {{schedule.overdue}} 项任务逾期未完成，将加快推进。'
        : ''
    }`,
  ].join('\n')
  const other = [
    '（一）信息处理费收取情况。依据《政府信息公开信息处理费管理办法》，本年度发出收费通知 {{fees.notices}} 件，应收信息处理费 {{fees.billed}} 元，实际收取 {{fees.collected}} 元。',
    '（二）政务公开工作要点落实情况。本年度工作配档表共有本单位任务 {{schedule.total}} 项，已完成 {{schedule.done}} 项，完成率 {{schedule.rate}}，推进中 {{schedule.inProgress}} 项。',
    '（三）人大代表建议和政协提案办理结果公开情况。（请填写本年度建议提案办理结果公开情况。）',
    '（四）其他事项。无。',
  ].join('\n')
  return { overview, problems, other }
}
