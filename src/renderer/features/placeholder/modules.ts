/** What each module still being built will do; the placeholder page says so plainly. */
export interface ModuleInfo {
  path: string
  title: string
  summary: string
  points: string[]
  /** Built: the route shows the module itself, the home page lists it without 「建设中」. */
  ready?: boolean
}

export const PLANNED_MODULES: ModuleInfo[] = [
  {
    path: '/drafts',
    title: '起草',
    summary: '起草主动公开的政府信息，按规范填写元数据后提交保密审查。',
    points: [
      '填写标题、正文、发文字号、主题分类、公开方式等元数据',
      '按本单位统一社会信用代码自动生成索引号',
      '导入 Word 原文，添加附件，自动保存并记录每次修改',
    ],
    ready: true,
  },
  {
    path: '/review',
    title: '保密审查',
    summary: '发布前的保密审查：自动扫描敏感内容，审核人逐项核对后批准或退回。',
    points: [
      '自动发现密级标志、身份证号、手机号等个人信息，并给出遮蔽建议',
      '按审查清单逐项记录“是/否/不适用”及说明',
      '批准时锁定内容，批准后内容再被修改须重新审查',
    ],
    ready: true,
  },
  {
    path: '/schedule',
    title: '工作配档表',
    summary: '把区重点工作分解表落实为本单位的工作配档表，实时跟踪进展。',
    points: [
      '导入区里下发的 Excel 重点工作分解表',
      '逐项填写具体措施、责任科室、责任人、完成时限和进展情况',
      '关联已公开信息作为佐证材料，导出报送用表格',
    ],
    ready: true,
  },
  {
    path: '/activities',
    title: '开放活动',
    summary: '编制政府开放活动计划安排报送表，活动后登记开展情况和意见采纳。',
    points: [
      '登记活动主题、计划时间、地点、形式和邀请对象',
      '活动结束后记录参加人数、收集的意见及答复情况',
      '导出报送表',
    ],
    ready: true,
  },
  {
    path: '/requests',
    title: '依申请公开',
    summary: '登记和办理政府信息公开申请，按工作日自动计算答复期限。',
    points: [
      '按收到方式确定收到申请之日，计算 20 个工作日的答复期限',
      '补正、征求第三方意见、延期等环节自动调整期限',
      '按条例规定的答复类型出具答复并统计',
    ],
    ready: true,
  },
  {
    path: '/report',
    title: '年度报告',
    summary: '按国家规定格式汇总全年数据，生成政府信息公开工作年度报告。',
    points: [
      '从主动公开、依申请公开等模块自动统计表格数据',
      '校验各表之间的勾稽关系',
      '导出可编辑的报告文档',
    ],
  },
  {
    path: '/sync',
    title: '同步',
    summary: '把审查通过的信息和报表同步到区里的中心服务器。',
    points: [
      '只同步已批准的内容，断网时排队，联网后自动重试',
      '显示每条信息的同步状态和服务器回执',
    ],
    ready: true,
  },
]
