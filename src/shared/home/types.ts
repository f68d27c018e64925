/** 首页「我的待办」: what waits for the signed-in user, counted by each domain's own query. */

/** One line under a to-do heading: what it is and where it opens. */
export interface TodoRow {
  /** The item (opens /review/:id or /drafts/:id). */
  itemId: string
  title: string
  /** A short Chinese note: the step waiting, the due date, who returned it. */
  note: string | null
}

/** A to-do heading: how many, and the first few. */
export interface TodoGroup {
  count: number
  rows: TodoRow[]
}

export interface HomeTodo {
  /** Open reviews whose current step the user may decide now (the review queue's 「待我审查」). */
  awaitingMyReview: TodoGroup
  /**
   * 政策问答 entries whose current 保密审查 step the user may decide now (engagement's qaReviewQueue;
   * a row's `itemId` is the entry's id, opening /engagement?tab=qa&qa=<id>).
   */
  qaAwaitingMyReview: TodoGroup
  /** The user's own items returned to them (退回修改). */
  returnedToMe: TodoGroup
  /** The user's own unpublished items past their due date (catalogue 时限, else 条例第二十六条). */
  myOverdue: TodoGroup
  /** The desk's sync outbox: entries that failed, conflicts and refused (tampered) entries. */
  sync: { failed: number; conflict: number; tampered: number; lastError: string | null }
}

/** How many rows each group lists on the home page (the count is always the full number). */
export const TODO_ROWS = 5
