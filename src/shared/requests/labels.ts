import type {
  AnswerType,
  ApplicantType,
  CaseKind,
  CaseOutcome,
  ConsultationParty,
  FeeScheme,
  LetterKind,
  RequestChannel,
  RequestEventKind,
  RequestForm,
  RequestOutcome,
  RequestStatus,
  RequestTab,
  ImportField,
} from './types'

/** The one label table of the request register (architecture doc, principle 11). */

/** Column labels of table 三 (annual-report.md), character for character. */
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
}

export const CHANNEL_LABELS: Record<RequestChannel, string> = {
  in_person: '当面',
  post: '邮寄',
  letter: '平常信函',
  online: '网络',
  fax: '传真',
  other: '其他',
}

/**
 * The date each channel's receipt date is (条例第三十一条), as the register form asks for it.
 */
export const CHANNEL_RECEIPT_RULES: Record<RequestChannel, { field: string; rule: string }> = {
  in_person: { field: '当面提交日期', rule: '当面提交的，以提交之日为收到申请之日' },
  post: {
    field: '签收日期',
    rule: '以邮寄方式提交的，以行政机关签收之日为收到申请之日',
  },
  letter: {
    field: '与申请人确认之日',
    rule: '以平常信函等无需签收的邮寄方式提交的，以行政机关与申请人确认之日为收到申请之日',
  },
  online: {
    field: '双方确认之日',
    rule: '通过互联网渠道提交的，以双方确认之日为收到申请之日',
  },
  fax: { field: '双方确认之日', rule: '以传真方式提交的，以双方确认之日为收到申请之日' },
  other: { field: '收到日期', rule: '以实际收到申请之日为收到申请之日' },
}

export const FORM_LABELS: Record<RequestForm, string> = {
  paper: '纸质',
  electronic: '电子',
  disc: '光盘',
  other: '其他',
}

/** Table 三's group headings (（一）…（六）). */
export const OUTCOME_GROUP_LABELS: Record<string, string> = {
  '1': '（一）予以公开',
  '2': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '3': '（三）不予公开',
  '4': '（四）无法提供',
  '5': '（五）不予处理',
  '6': '（六）其他处理',
}

/** Every outcome row of table 三: its code 「（三）1」 and its exact label. */
export const OUTCOME_LABELS: Record<RequestOutcome, { code: string; label: string }> = {
  '1': { code: '（一）', label: '予以公开' },
  '2': { code: '（二）', label: '部分公开' },
  '3.1': { code: '（三）1', label: '属于国家秘密' },
  '3.2': { code: '（三）2', label: '其他法律行政法规禁止公开' },
  '3.3': { code: '（三）3', label: '危及“三安全一稳定”' },
  '3.4': { code: '（三）4', label: '保护第三方合法权益' },
  '3.5': { code: '（三）5', label: '属于三类内部事务信息' },
  '3.6': { code: '（三）6', label: '属于四类过程性信息' },
  '3.7': { code: '（三）7', label: '属于行政执法案卷' },
  '3.8': { code: '（三）8', label: '属于行政查询事项' },
  '4.1': { code: '（四）1', label: '本机关不掌握相关政府信息' },
  '4.2': { code: '（四）2', label: '没有现成信息需要另行制作' },
  '4.3': { code: '（四）3', label: '补正后申请内容仍不明确' },
  '5.1': { code: '（五）1', label: '信访举报投诉类申请' },
  '5.2': { code: '（五）2', label: '重复申请' },
  '5.3': { code: '（五）3', label: '要求提供公开出版物' },
  '5.4': { code: '（五）4', label: '无正当理由大量反复申请' },
  '5.5': { code: '（五）5', label: '要求行政机关确认或重新出具已获取信息' },
  '6.1': {
    code: '（六）1',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  '6.2': {
    code: '（六）2',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  '6.3': { code: '（六）3', label: '其他' },
}

/** 「（三）1 属于国家秘密」. */
export function outcomeText(outcome: RequestOutcome): string {
  const o = OUTCOME_LABELS[outcome]
  return `${o.code}${o.code.endsWith('）') ? '' : ' '}${o.label}`
}

export const ANSWER_TYPE_LABELS: Record<AnswerType, { label: string; article: string }> = {
  already_public: { label: '已主动公开，告知获取方式', article: '条例第三十六条第一项' },
  disclose: { label: '予以公开', article: '条例第三十六条第二项' },
  partial: { label: '部分公开（区分处理）', article: '条例第三十七条' },
  withhold: { label: '不予公开', article: '条例第三十六条第三项' },
  not_exist: { label: '经检索没有所申请的信息', article: '条例第三十六条第四项' },
  not_held: { label: '不属于本机关负责公开', article: '条例第三十六条第五项' },
  repeat: { label: '重复申请，不予重复处理', article: '条例第三十六条第六项' },
  registration: {
    label: '依照有关法律、行政法规办理（登记资料查询等）',
    article: '条例第三十六条第七项',
  },
  not_handled: { label: '不予处理', article: '条例第三十五条、第三十九条' },
  other: { label: '其他处理', article: '条例第三十六条' },
}

export const STATUS_LABELS: Record<RequestStatus, string> = {
  open: '办理中',
  correction: '待补正',
  consultation: '征求意见中',
  fee: '待缴费',
  answered: '已答复',
  closed: '已终止',
}

export const EVENT_KIND_LABELS: Record<RequestEventKind, string> = {
  received: '收到申请',
  receipt_changed: '更正收到日期',
  correction_requested: '补正告知',
  correction_received: '收到补正',
  correction_lapsed: '逾期未补正，终止',
  consultation_started: '征求意见',
  consultation_ended: '征求意见结束',
  extension: '延期答复',
  fee_notice: '收费通知',
  fee_paid: '已缴费',
  fee_lapsed: '逾期未缴费，终止',
  answer: '答复',
}

export const CONSULTATION_PARTY_LABELS: Record<ConsultationParty, string> = {
  third_party: '第三方',
  agency: '其他机关',
}

export const FEE_SCHEME_LABELS: Record<FeeScheme, string> = {
  per_request: '按件计收',
  per_page: '按量计收',
}

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after: '行政诉讼（复议后起诉）',
}

export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
}

export const LETTER_LABELS: Record<LetterKind, string> = {
  answer: '政府信息公开申请答复书',
  correction: '政府信息公开申请补正告知书',
  extension: '政府信息公开申请延期答复告知书',
  consultation: '政府信息公开征求第三方意见书',
  fee: '政府信息公开信息处理费收费通知书',
}

export const TAB_LABELS: Record<RequestTab, string> = {
  open: '办理中',
  due_soon: '3 个工作日内到期',
  overdue: '已逾期',
  paused: '暂停计时',
  done: '已办结',
  all: '全部',
}

/** The column names the import recognises for each field (first = the standard name). */
export const IMPORT_FIELD_LABELS: Record<ImportField, string[]> = {
  no: ['编号', '申请编号', '登记编号', '序号'],
  receivedDate: ['收到日期', '收到申请日期', '收到申请之日', '受理日期', '申请日期'],
  applicantType: ['申请人类型', '申请人类别', '申请主体'],
  channel: ['申请方式', '提交方式', '收到方式', '申请渠道'],
  content: ['申请内容', '申请公开内容', '所需信息', '申请事项'],
  answeredDate: ['答复日期', '办结日期', '答复时间'],
  outcome: ['办理结果', '答复结果', '处理结果'],
}
