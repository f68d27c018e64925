/**
 * Seed data of migration 2026_11_26_0003 (immutable with it): the national policy library's
 * first-level 主题分类 with the second levels we know, and the 体裁分类 — the 15 document kinds of
 * 《党政机关公文处理工作条例》 plus non-document kinds. Departments extend both as data.
 */
export const TOPIC_SEED: readonly { name: string; children: readonly string[] }[] = [
  { name: '国务院组织机构', children: [] },
  {
    name: '综合政务',
    children: [
      '政务公开',
      '政务督查',
      '应急管理',
      '电子政务',
      '文秘工作',
      '保密工作',
      '信访',
      '其他',
    ],
  },
  { name: '国民经济管理、国有资产监管', children: [] },
  { name: '财政、金融、审计', children: [] },
  { name: '国土资源、能源', children: [] },
  { name: '农业、林业、水利', children: [] },
  { name: '工业、交通', children: [] },
  { name: '商贸、海关、旅游', children: [] },
  { name: '市场监管、安全生产监管', children: [] },
  { name: '城乡建设、环境保护', children: [] },
  { name: '科技、教育', children: [] },
  { name: '文化、广电、新闻出版', children: [] },
  { name: '卫生、体育', children: [] },
  { name: '人口与计划生育、妇女儿童工作', children: [] },
  { name: '劳动、人事、监察', children: [] },
  { name: '公安、安全、司法', children: [] },
  { name: '民政、扶贫、救灾', children: [] },
  { name: '民族、宗教', children: [] },
  { name: '对外事务', children: [] },
  { name: '港澳台侨工作', children: [] },
  { name: '国防', children: [] },
  { name: '其他', children: [] },
]

export const GENRE_SEED: readonly string[] = [
  '决议',
  '决定',
  '命令',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '工作动态',
  '图片',
  '数据',
  '解读',
  '其他',
]
