import { mulberry32, pick } from './prng'

/** Vocabulary of district disclosure items: places, subjects, actions and connective prose. */
const PLACES = [
  '高新区',
  '四宝山街道',
  '石桥街道',
  '卫固镇',
  '中埠镇',
  '宝山社区',
  '柳泉社区',
  '北营村',
  '南营村',
  '天鹅湖',
  '齐盛湖',
  '新材料产业园',
  '医药产业园',
  '科创中心',
  '淄博市',
  '张店区',
  '周村区',
  '临淄区',
  '博山区',
  '淄川区',
]
const SUBJECTS = [
  '政务公开',
  '乡村振兴',
  '食品安全',
  '安全生产',
  '公共资源交易',
  '养老服务',
  '社会救助',
  '防汛抗旱',
  '森林防火',
  '义务教育',
  '医疗保障',
  '就业创业',
  '城乡规划',
  '环境保护',
  '大气污染防治',
  '河长制',
  '农村危房改造',
  '保障性住房',
  '征地补偿',
  '国有土地上房屋征收',
  '涉农补贴',
  '财政预决算',
  '重大建设项目',
  '招商引资',
  '营商环境',
  '优化营商环境',
  '双随机一公开',
  '行政许可',
  '行政处罚',
  '疫情防控',
  '燃气安全',
  '消防安全',
  '校园安全',
  '文明城市创建',
  '垃圾分类',
  '老旧小区改造',
  '人才引进',
  '科技创新',
  '高新技术企业',
  '专精特新',
  '数字经济',
  '政务服务',
  '一网通办',
  '12345热线',
  '信访工作',
  '退役军人',
  '残疾人保障',
  '最低生活保障',
  '特困人员供养',
  '临时救助',
  '户籍管理',
  '社会保险',
  '公共法律服务',
  '公共文化服务',
  '全民健身',
  '市政设施',
  '道路交通',
  '冬季供暖',
  '水电气暖',
  '耕地保护',
  '粮食安全',
  '农业保险',
  '畜牧兽医',
  '动物防疫',
  '中小企业',
  '减税降费',
  '统计调查',
  '审计整改',
  '预算绩效',
  '政府采购',
  '工程建设',
  '质量安全',
  '特种设备',
  '药品监管',
  '价格监测',
  '知识产权',
  '标准化建设',
  '档案管理',
  '保密工作',
  '应急管理',
]
const ACTIONS = [
  '实施方案',
  '工作方案',
  '管理办法',
  '实施细则',
  '工作要点',
  '考核办法',
  '专项行动',
  '三年行动计划',
  '若干措施',
  '指导意见',
  '工作情况',
  '公示',
  '通知',
  '报告',
  '资金使用情况',
  '检查结果',
  '整改情况',
  '项目清单',
]
const HEADS = [
  '为深入贯彻落实',
  '根据上级部署，',
  '按照《中华人民共和国政府信息公开条例》规定，',
  '为进一步做好',
  '经区管委会研究同意，',
  '现将有关事项通知如下：',
  '各有关单位要高度重视',
  '截至目前，',
  '下一步，我们将',
  '请各单位于',
]
const MIDDLES = [
  '切实加强组织领导',
  '压紧压实工作责任',
  '建立健全长效机制',
  '加大督导检查力度',
  '认真组织开展自查',
  '及时公开办理结果',
  '广泛听取群众意见',
  '强化部门协同配合',
  '完善信息发布机制',
  '确保各项任务落到实处',
  '按期完成目标任务',
  '持续提升服务水平',
]
const TAILS = [
  '。',
  '，确保取得实效。',
  '，切实维护群众合法权益。',
  '，并将有关情况及时报送。',
  '，推动工作提质增效。',
]

/** A generated item: title, body HTML (paragraphs), body text, signed date, kind. */
export interface BenchItem {
  title: string
  bodyHtml: string
  bodyText: string
  signedDate: string
  updatedAt: string
  kind: string
  status: string
}

const KINDS = [
  'policy',
  'interpretation',
  'notice',
  'news',
  'data',
  'consultation',
  'permit',
  'penalty',
  'other',
]
const STATUSES = ['draft', 'pending_review', 'approved', 'synced', 'synced', 'synced']

/** A paragraph mostly about the item's own place and subject, as real items are. */
function paragraph(rnd: () => number, place: string, subject: string): string {
  let p = ''
  const n = 2 + Math.floor(rnd() * 3)
  for (let i = 0; i < n; i++) {
    const where = rnd() < 0.6 ? place : pick(rnd, PLACES)
    const what = rnd() < 0.6 ? subject : pick(rnd, SUBJECTS)
    p += pick(rnd, HEADS) + where + what + pick(rnd, MIDDLES)
    if (rnd() < 0.5) p += `，${pick(rnd, SUBJECTS)}${pick(rnd, ACTIONS)}`
    p += pick(rnd, TAILS)
  }
  return p
}

/** `count` deterministic items with titles and bodies of a few hundred characters. */
export function* generateItems(seed: number, count: number): Generator<BenchItem> {
  const rnd = mulberry32(seed)
  const start = Date.UTC(2019, 0, 1)
  for (let i = 0; i < count; i++) {
    const place = pick(rnd, PLACES)
    const subject = pick(rnd, SUBJECTS)
    const title = `${pick(rnd, ['关于', '', '关于印发'])}${place}${subject}${pick(rnd, ACTIONS)}${rnd() < 0.4 ? '的通知' : ''}`
    const paras = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () =>
      paragraph(rnd, place, subject),
    )
    const t = start + Math.floor(rnd() * 7 * 365 * 86_400_000)
    yield {
      title,
      bodyHtml: paras.map((p) => `<p>${p}</p>`).join(''),
      bodyText: paras.join('\n'),
      signedDate: new Date(t).toISOString().slice(0, 10),
      updatedAt: new Date(t + Math.floor(rnd() * 30 * 86_400_000)).toISOString(),
      kind: pick(rnd, KINDS),
      status: pick(rnd, STATUSES),
    }
  }
}

/** ~50 realistic 3–6 character phrases officers search for. */
export function queryPhrases(seed: number): string[] {
  const rnd = mulberry32(seed)
  const out = new Set<string>()
  const pool = [...SUBJECTS, ...PLACES, ...ACTIONS].filter(
    (w) => [...w].length >= 3 && [...w].length <= 6,
  )
  while (out.size < 50) out.add(pick(rnd, pool))
  return [...out]
}
