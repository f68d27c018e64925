/**
 * A generated set of public comments for the grouping tests: form letters (one campaign text
 * sent by many people with their own name, small edits and punctuation changes) among distinct
 * comments composed from varied sentences with their own specifics. Seeded: the same every run.
 */

export function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!

const SURNAMES = [
  '张',
  '王',
  '李',
  '赵',
  '刘',
  '陈',
  '杨',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
]
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
]

export const FORM_LETTER =
  '我们是高新区创业路沿线的居民，坚决反对在小区北侧规划建设垃圾中转站。该选址距离居民楼不足五十米，' +
  '夏季异味和夜间清运噪声将严重影响周边两千多户居民的正常生活，也不符合环境卫生设施设置的相关标准。' +
  '恳请有关部门重新论证选址，将中转站调整到远离居住区的工业用地，并在决策前召开听证会听取居民意见。'

const SYNONYMS: [string, string][] = [
  ['坚决反对', '强烈反对'],
  ['恳请', '希望'],
  ['严重影响', '极大影响'],
  ['重新论证', '重新研究'],
  ['有关部门', '相关部门'],
]

/** One form letter: the campaign text with a signature and one or two small edits. */
export function formLetter(r: () => number): string {
  let text = FORM_LETTER
  const edits = 1 + Math.floor(r() * 2)
  for (let i = 0; i < edits; i++) {
    const [a, b] = pick(r, SYNONYMS)
    text = text.replace(a, b)
  }
  if (r() < 0.5) text = text.replace(/，/g, ',')
  if (r() < 0.3) text = text.replace('。', '！')
  const name = pick(r, SURNAMES) + pick(r, GIVEN)
  const building = 1 + Math.floor(r() * 30)
  return r() < 0.5
    ? `${text}\n联名居民：${name}（${building}号楼）`
    : `${name}，创业路小区${building}号楼住户：${text}`
}

const SUBJECTS = [
  '第三条关于补贴申请条件',
  '第五条关于审核时限',
  '第七条关于资金拨付方式',
  '附件申请表',
  '第二条适用范围',
  '第九条监督检查',
  '第十一条法律责任',
  '第四条申报材料清单',
  '第六条公示期',
  '第八条退出机制',
  '第十条信息公开',
  '第十二条施行日期',
  '第一条制定依据',
  '起草说明中的测算口径',
  '第十三条解释权',
]
const OPINIONS = [
  '建议把“连续缴纳社保满一年”改为“满六个月”，让刚落户的小微企业也能申请',
  '审核时限写的是二十个工作日，对初创企业来说太长，建议压缩到十个工作日以内',
  '资金最好直接拨付到企业对公账户，不要再经过街道中转，可以减少周转时间',
  '申请表要求填写的财务数据过多，个体工商户往往没有专职会计，建议提供简化版',
  '适用范围没有写清楚是否包括注册在区外但实际在区内经营的企业，需要明确',
  '监督检查的频次和方式应当写明，避免多头检查给企业增加负担',
  '对骗取补贴的行为，除了追回资金，还应纳入信用记录并向社会公布',
  '材料清单里的完税证明可以通过部门间数据共享获取，建议不再要求企业自行提交',
  '公示期五个工作日偏短，建议延长到七个工作日并在区政府网站同步公示',
  '退出机制缺少对企业申辩权利的规定，建议增加陈述申辩程序',
  '补贴发放结果应当定期公开，包括企业名称和金额，接受社会监督',
  '施行日期距离发布时间太近，企业来不及准备材料，建议设置一个月的过渡期',
  '制定依据中引用的省级文件已经修订，请核对最新版本的文号',
  '测算口径只考虑了制造业，服务业企业的情况差别很大，建议分行业测算',
  '建议明确由哪个科室负责解释，并公布咨询电话和办公地址',
  '希望在政务服务中心设置专门窗口，提供申报指导和帮办代办服务',
  '建议同时出台配套的操作细则，把各个环节的办理流程画成流程图',
  '对于残疾人创业的，建议在补贴标准上适当上浮',
  '文件中“原则上”的表述过多，执行时容易产生自由裁量，建议细化',
  '可以参考邻近区县的做法，对吸纳就业困难人员的企业给予额外奖励',
]
/** The distinct opinions, as sentences (a text can be built to drift through them). */
export const OPINIONS_FOR_DRIFT: readonly string[] = OPINIONS

const CLOSINGS = [
  '以上意见供参考。',
  '望采纳。',
  '谢谢！',
  '请研究。',
  '',
  '期待文件早日出台。',
  '盼复。',
  '',
]

const REASONS = [
  '材料里的租赁合同没有备案',
  '社保缴纳月数差了两个月',
  '申报系统在截止前一天无法登录',
  '注册地址和经营地址不一致',
  '窗口说要先补开纳税证明',
  '法定代表人变更后信息没有同步',
  '不清楚需要哪个科室盖章',
  '财务报表没有经过审计',
  '公示期内被误认为关联企业',
  '审核意见没有书面告知',
  '行业代码被归到了商贸类',
  '申请表版本和网上下载的不同',
  '银行账户信息填写有误被退回',
  '电话咨询一直占线',
  '街道和区里给的口径不一样',
]

const INTROS = [
  (s: string) => `关于${s}，`,
  (s: string) => `对${s}提一点看法：`,
  (s: string) => `看了${s}，`,
  (s: string) => `${s}部分，`,
  (s: string) => `针对${s}：`,
]

/**
 * Distinct comment `n`: a combination of subject, opinion head and opinion tail no other comment
 * has (each part recurs elsewhere in other company, as in independent comments on one draft),
 * and the commenter's own circumstances.
 */
export function distinctComment(r: () => number, n: number): string {
  const halves = OPINIONS.map((o) => {
    const cut = o.indexOf('，')
    return [o.slice(0, cut), o.slice(cut + 1)] as const
  })
  const head = halves[n % halves.length]![0]
  const tail = halves[(n + 1 + Math.floor(n / halves.length)) % halves.length]![1]
  const subject = SUBJECTS[Math.floor(n / halves.length) % SUBJECTS.length]!
  const intro = INTROS[Math.floor(r() * INTROS.length)]!(subject)
  const own =
    r() < 0.5
      ? `我们单位去年因为${pick(r, REASONS)}没有申报成功。`
      : `身边不少人${pick(r, REASONS)}，${1 + Math.floor(r() * 9)}个月了还没解决。`
  return `${intro}${head}，${tail}。${own}${pick(r, CLOSINGS)}`
}

/** `formLetters` form letters and `distinct` distinct comments, shuffled; ids say which is which. */
export function generatedComments(
  formLetters: number,
  distinct: number,
  seed = 14,
): { id: string; body: string }[] {
  const r = seeded(seed)
  const all = [
    ...Array.from({ length: formLetters }, (_, i) => ({ id: `form-${i}`, body: formLetter(r) })),
    ...Array.from({ length: distinct }, (_, i) => ({
      id: `own-${i}`,
      body: distinctComment(r, i),
    })),
  ]
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1))
    ;[all[i], all[j]] = [all[j]!, all[i]!]
  }
  return all
}
