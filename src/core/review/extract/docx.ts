import { XMLParser } from 'fast-xml-parser'
import type JSZip from 'jszip'
import { openOfficeZip, readPart } from './office-zip'
import { attr, child, childrenOf, orderedXml, tagOf, textOf, type XNode } from './ordered-xml'
import { ExtractError, joinSegments, type ExtractResult, type SegmentSource } from './types'

const plain = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true })

type Bucket = 'body' | 'tracked-insert' | 'tracked-delete' | 'hidden'

interface WalkState {
  bucket: 'body' | 'tracked-insert' | 'tracked-delete'
  lines: Record<Bucket, string[]>
  /** The paragraph being assembled, per bucket. */
  para: Record<Bucket, string>
  revisionAuthors: Set<string>
}

/** True when run properties switch on w:vanish (hidden text); w:val="0"/"false" switches it off. */
function isVanished(rPr: XNode | undefined): boolean {
  if (rPr === undefined) return false
  const v = child(rPr, 'w:vanish')
  if (v === undefined) return false
  const val = attr(v, 'w:val')
  return val === undefined || !/^(0|false|off)$/i.test(val)
}

function flushParagraph(st: WalkState): void {
  for (const b of Object.keys(st.para) as Bucket[]) {
    // Body keeps empty paragraphs so line positions (the document head) stay faithful.
    if (st.para[b] !== '' || b === 'body') st.lines[b].push(st.para[b])
    st.para[b] = ''
  }
}

function walk(nodes: XNode[], st: WalkState): void {
  for (const node of nodes) {
    const tag = tagOf(node)
    switch (tag) {
      case 'w:p':
        walk(childrenOf(node), st)
        flushParagraph(st)
        break
      case 'w:r':
        run(node, st)
        break
      case 'w:ins':
      case 'w:moveTo':
      case 'w:del':
      case 'w:moveFrom': {
        const author = attr(node, 'w:author')
        if (author) st.revisionAuthors.add(author)
        const saved = st.bucket
        st.bucket = tag === 'w:ins' || tag === 'w:moveTo' ? 'tracked-insert' : 'tracked-delete'
        walk(childrenOf(node), st)
        st.bucket = saved
        break
      }
      case 'mc:AlternateContent': {
        // Text boxes appear twice (Choice and Fallback); read the first alternative only.
        const choice = child(node, 'mc:Choice')
        if (choice) walk(childrenOf(choice), st)
        break
      }
      case 'w:pPr':
      case 'w:rPr':
      case 'w:instrText':
      case 'w:delInstrText':
      case 'w:sectPr':
        break
      default:
        if (tag !== '' && tag !== '#text') walk(childrenOf(node), st)
    }
  }
}

function run(node: XNode, st: WalkState): void {
  const kids = childrenOf(node)
  const hidden = isVanished(kids.find((c) => tagOf(c) === 'w:rPr'))
  const bucket: Bucket = st.bucket === 'tracked-delete' ? st.bucket : hidden ? 'hidden' : st.bucket
  let s = ''
  for (const c of kids) {
    const t = tagOf(c)
    if (t === 'w:t' || t === 'w:delText') s += textOf(childrenOf(c))
    else if (t === 'w:tab') s += '\t'
    else if (t === 'w:br' || t === 'w:cr') s += '\n'
    else if (t === 'w:noBreakHyphen') s += '-'
    else if (
      t === 'w:txbxContent' ||
      t === 'mc:AlternateContent' ||
      t === 'w:pict' ||
      t === 'w:drawing'
    ) {
      walk([c], st)
    }
  }
  st.para[bucket] += s
}

function newState(): WalkState {
  return {
    bucket: 'body',
    lines: { body: [], 'tracked-insert': [], 'tracked-delete': [], hidden: [] },
    para: { body: '', 'tracked-insert': '', 'tracked-delete': '', hidden: '' },
    revisionAuthors: new Set(),
  }
}

async function walkPart(zip: JSZip, path: string, st: WalkState): Promise<void> {
  const xml = await readPart(zip, path)
  if (xml === null) return
  walk(orderedXml.parse(xml) as XNode[], st)
  flushParagraph(st)
}

/** Comments as “批注（作者）：text” lines; their authors are reported with the properties. */
async function readComments(zip: JSZip, authors: Set<string>): Promise<string> {
  const xml = await readPart(zip, 'word/comments.xml')
  if (xml === null) return ''
  const lines: string[] = []
  const visit = (nodes: XNode[]): void => {
    for (const n of nodes) {
      if (tagOf(n) === 'w:comment') {
        const st = newState()
        walk(childrenOf(n), st)
        flushParagraph(st)
        const body = Object.values(st.lines).flat().filter(Boolean).join(' ')
        const author = attr(n, 'w:author') ?? ''
        if (author) authors.add(author)
        lines.push(`批注${author ? `（${author}）` : ''}：${body}`)
      } else visit(childrenOf(n))
    }
  }
  visit(orderedXml.parse(xml) as XNode[])
  return lines.join('\n')
}

/** docProps/core.xml and app.xml fields that name people or the organisation. */
export async function readOfficeProperties(
  zip: JSZip,
  extra: Array<[string, string]> = [],
): Promise<string> {
  const fields: Array<[string, string]> = []
  const core = await readPart(zip, 'docProps/core.xml')
  if (core !== null) {
    const c = ((plain.parse(core) as Record<string, unknown>)['cp:coreProperties'] ?? {}) as Record<
      string,
      unknown
    >
    fields.push(
      ['作者', String(c['dc:creator'] ?? '')],
      ['最后修改者', String(c['cp:lastModifiedBy'] ?? '')],
    )
    fields.push(['标题', String(c['dc:title'] ?? '')], ['主题', String(c['dc:subject'] ?? '')])
  }
  const app = await readPart(zip, 'docProps/app.xml')
  if (app !== null) {
    const a = ((plain.parse(app) as Record<string, unknown>)['Properties'] ?? {}) as Record<
      string,
      unknown
    >
    fields.push(['单位', String(a['Company'] ?? '')], ['经理', String(a['Manager'] ?? '')])
  }
  return [...fields, ...extra]
    .filter(([, v]) => v.trim() !== '')
    .map(([k, v]) => `${k}：${v.trim()}`)
    .join('\n')
}

/**
 * .docx: the body (with headers first and footers/notes after, as a reader meets them) plus, as
 * separate segments, what Word can hide: tracked insertions and deletions, hidden text, comments,
 * and the document properties (author, last editor, company, revision and comment authors).
 */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractResult> {
  const zip = await openOfficeZip(bytes, ' Word 文档')
  if (zip.file('word/document.xml') === null) {
    throw new ExtractError(
      'CORRUPT',
      '该文件不是有效的 Word 文档（缺少 word/document.xml）：请用 Office/WPS 另存为 .docx 后再扫描',
    )
  }
  const st = newState()
  try {
    const parts = Object.keys(zip.files).sort()
    for (const p of parts.filter((p) => /^word\/header\d*\.xml$/.test(p)))
      await walkPart(zip, p, st)
    await walkPart(zip, 'word/document.xml', st)
    for (const p of parts.filter((p) => /^word\/(footer\d*|footnotes|endnotes)\.xml$/.test(p))) {
      await walkPart(zip, p, st)
    }
    const commentAuthors = new Set<string>()
    const comments = await readComments(zip, commentAuthors)
    const extra: Array<[string, string]> = []
    if (st.revisionAuthors.size > 0) extra.push(['修订作者', [...st.revisionAuthors].join('、')])
    if (commentAuthors.size > 0) extra.push(['批注作者', [...commentAuthors].join('、')])
    const properties = await readOfficeProperties(zip, extra)
    const seg = (source: SegmentSource, label: string, lines: string[]) => ({
      source,
      label,
      text: lines.join('\n'),
    })
    return joinSegments([
      seg('body', '正文', trimTrailingEmpty(st.lines.body)),
      seg('tracked-insert', '修订记录中的插入内容', st.lines['tracked-insert']),
      seg('tracked-delete', '修订记录中的删除内容（文档中已不可见）', st.lines['tracked-delete']),
      seg('hidden', '隐藏文字', st.lines.hidden),
      { source: 'comment', label: '批注', text: comments },
      { source: 'properties', label: '文档属性', text: properties },
    ])
  } catch (cause) {
    if (cause instanceof ExtractError) throw cause
    throw new ExtractError(
      'CORRUPT',
      '该 Word 文档内容已损坏，无法读取：请用 Office/WPS 打开后另存再扫描',
      { cause },
    )
  }
}

function trimTrailingEmpty(lines: string[]): string[] {
  let n = lines.length
  while (n > 0 && (lines[n - 1] ?? '').trim() === '') n--
  return lines.slice(0, n)
}
