import type { ChecklistQuestion, ReviewChainStep } from '../../../shared/review/types'

/**
 * The built-in checklist (version 1), from the department rules in
 * /work/shared/domain/confidentiality-review.md. A note is required where the answer flags a risk:
 * 是 on Q1–Q7 (a marking, a label, a legal bar…), 否 on Q8–Q11 (not signed off, not de-identified…).
 */
export const DEFAULT_CHECKLIST: readonly ChecklistQuestion[] = [
  {
    id: 'q1',
    text: '是否标有密级，或虽未标密级但属于国家秘密？（已过保密期限的也须先经解密审核）',
    noteRequiredOn: ['yes'],
  },
  {
    id: 'q2',
    text: '是否标有“工作秘密”“内部资料”“注意保存”“内部使用”“不得外传”等字样？',
    noteRequiredOn: ['yes'],
  },
  { id: 'q3', text: '是否属于其他法律、行政法规禁止公开的信息？', noteRequiredOn: ['yes'] },
  {
    id: 'q4',
    text: '公开后是否可能危及国家安全、公共安全、经济安全、社会稳定？',
    noteRequiredOn: ['yes'],
  },
  {
    id: 'q5',
    text: '是否涉及商业秘密或个人隐私？如涉及，是否已征得第三方同意或属于不公开会对公共利益造成重大影响的情形？',
    noteRequiredOn: ['yes'],
  },
  {
    id: 'q6',
    text: '是否属于内部事务信息或过程性信息（讨论稿、请示报告、会议讨论记录等）？',
    noteRequiredOn: ['yes'],
  },
  { id: 'q7', text: '是否属于行政执法案卷信息？', noteRequiredOn: ['yes'] },
  {
    id: 'q8',
    text: '是否已履行签发（审批）程序，且与其他机关公开的信息一致（条例第十一条）？',
    noteRequiredOn: ['no'],
  },
  { id: 'q9', text: '涉及的个人信息是否已作去标识化（脱敏）处理？', noteRequiredOn: ['no'] },
  {
    id: 'q10',
    text: '是否已检查附件、文档属性（作者、修订记录、批注）和图片？',
    noteRequiredOn: ['no'],
  },
  { id: 'q11', text: '如为政策文件，其政策解读是否已同步准备公开？', noteRequiredOn: ['no'] },
]

/** The built-in chain (version 1): 保密审核 (reviewer) → 领导签发 (leader). */
export const DEFAULT_CHAIN: readonly ReviewChainStep[] = [
  { name: '保密审核', role: 'reviewer' },
  { name: '领导签发', role: 'leader' },
]
