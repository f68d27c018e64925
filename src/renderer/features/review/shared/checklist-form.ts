import type {
  ChecklistAnswer,
  ChecklistAnswerInput,
  ChecklistAnswerView,
  ChecklistQuestion,
} from '../../../../shared/review/types'

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
  return !!entry?.answer && q.noteRequiredOn.includes(entry.answer)
}

/** Per question: what is missing (the same rule core checks: every answer, notes where required). */
export function checklistErrors(
  questions: ChecklistQuestion[],
  values: ChecklistValues,
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const q of questions) {
    const entry = values[q.id]
    if (!entry?.answer) errors[q.id] = '请选择“是”“否”或“不适用”'
    else if (noteRequired(q, entry) && !entry.note.trim()) errors[q.id] = '此答案须填写说明'
  }
  return errors
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
