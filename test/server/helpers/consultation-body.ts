/** NOW is 2026-11-26 16:00 in Beijing: inside 11-20 … 12-10, after 11-25, before 11-27. */
const OPEN = { startDate: '2026-11-20', endDate: '2026-12-10' }

/**
 * A consultation as a department's desk puts it online (`PUT /api/v1/consultations/{id}`), on top
 * of its notice `noticeItemId` at revision 1; `overrides` replace fields.
 */
export function consultationBody(noticeItemId: string, overrides: Record<string, unknown> = {}) {
  return {
    noticeItemId,
    noticeRevision: 1,
    title: '《高新区小微企业补贴办法（征求意见稿）》公开征求意见',
    draftTitle: '高新区小微企业补贴办法（征求意见稿）',
    decisionType: 'normative',
    ...OPEN,
    shortReason: '',
    questions: '一、补贴申请条件是否合理？',
    contact: '区科技局综合科 0533-3580000',
    channels: ['online', 'email'],
    paragraphs: [
      { no: 1, text: '第一条 为支持小微企业发展，制定本办法。' },
      { no: 2, text: '第二条 申请补贴须连续缴纳社会保险满一年。' },
    ],
    attachments: [{ name: '起草说明.docx' }],
    ...overrides,
  }
}
