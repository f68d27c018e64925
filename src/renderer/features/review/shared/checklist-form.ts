import type {
  ChecklistAnswer,
  ChecklistAnswerInput,
  ChecklistAnswerView,
  ChecklistQuestion,
} from '../../../../shared/review/types'
import { checklistGaps, noteRequiredFor, type ChecklistGap } from '../../../../shared/review/rules'

export interface ChecklistEntry {
  answer: ChecklistAnswer | null
  note: string
}

export type ChecklistValues = Record<string, ChecklistEntry>

export function emptyChecklist(questions: ChecklistQuestion[]): ChecklistValues {
  return Object.fromEntries(questions.map((q) => [q.id, { answer: null, note: '' }]))
}

/** Fills in answers given earlier (e.g. the last self-check) for the questions still asked. */
export function checklistFrom(
  questions: ChecklistQuestion[],
  answers: ChecklistAnswerView[],
): ChecklistValues {
  const values = emptyChecklist(questions)
  for (const a of answers) {
    if (values[a.questionId]) values[a.questionId] = { answer: a.answer, note: a.note ?? '' }
  }
  return values
}

export function noteRequired(q: ChecklistQuestion, entry: ChecklistEntry | undefined): boolean {
  return noteRequiredFor(q, entry?.answer)
}

const GAP_MESSAGES: Record<ChecklistGap, string> = {
  unanswered: '请选择“是”“否”或“不适用”',
  note: '此答案须填写说明',
}

/** Per question: what is missing — the shared checklistGaps rule core applies (every answer, notes where required). */
export function checklistErrors(
  questions: ChecklistQuestion[],
  values: ChecklistValues,
): Record<string, string> {
  const answers = Object.entries(values).map(([questionId, v]) => ({
    questionId,
    answer: v.answer,
    note: v.note,
  }))
  return Object.fromEntries(
    [...checklistGaps(questions, answers)].map(([id, gap]) => [id, GAP_MESSAGES[gap]]),
  )
}

export function checklistInput(
  questions: ChecklistQuestion[],
  values: ChecklistValues,
): ChecklistAnswerInput[] {
  return questions.map((q) => {
    const entry = values[q.id]!
    const note = entry.note.trim()
    return { questionId: q.id, answer: entry.answer!, ...(note ? { note } : {}) }
  })
}
