/**
 * What this server offers beyond the item intake, advertised by `GET /health` (`capabilities`)
 * so a desk can tell without probing (a server before 2026-12 has no such field: the desk then
 * finds out from a 404, as before). Each flag stands for endpoints in the OpenAPI document.
 */
export const SERVER_CAPABILITIES = {
  /** Attachments by SHA-256, in resumable chunks (`/blobs/…`, protocol v2). */
  uploads: true,
  /** Audit anchors (`/audit-anchors`). */
  auditAnchors: true,
  /** 工作配档表 and the district's breakdowns (`/schedule/…`). */
  schedule: true,
  /** The annual report's tables and text (`/reports/{year}`). */
  reports: true,
  /** 意见征集 online and the comment feed (`/consultations/…`). */
  consultations: true,
  /** The policy Q&A base (`/qa/{id}`). */
  qa: true,
  /** The district's holiday calendar (`/calendar`). */
  calendar: true,
} as const
