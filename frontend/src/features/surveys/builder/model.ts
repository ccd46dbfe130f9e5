/**
 * The survey editor's model, free of Vue: the form as staff edit it, and the request it becomes.
 *
 * Keys: answers are stored by question and option keys, so a key never changes once saved. A question or an option
 * added in the editor gets its key from its Indonesian label when the survey is saved (lower-case words joined by -,
 * unique in the survey or the question); from then on the key is fixed, whatever the label becomes.
 *
 * Conditions point at an earlier choice question and one of its options by their local ids (`uid`), so they follow
 * the question when it moves or is renamed; the request names them by key.
 */
import { QUESTION_TYPES, type QuestionType, type Survey, type SurveyAccess, type SurveyRequest } from './api'

export interface BilingualForm {
  id: string
  en: string
}

export interface OptionForm {
  uid: string
  /** The saved key; empty for an option added since the last save. */
  key: string
  label: BilingualForm
}

export interface QuestionForm {
  uid: string
  /** The saved key; empty for a question added since the last save. */
  key: string
  text: BilingualForm
  type: QuestionType
  required: boolean
  options: OptionForm[]
  /** NUMBER only; '' when open. */
  min: string
  max: string
  /** Shown only when this earlier choice question got this option; '' for always. */
  conditionQuestion: string
  conditionOption: string
}

export interface SectionForm {
  uid: string
  title: BilingualForm
  questions: QuestionForm[]
}

export interface SurveyForm {
  title: BilingualForm
  introduction: BilingualForm
  access: SurveyAccess
  onePerPerson: boolean
  sections: SectionForm[]
}

export const KEY_MAX = 40
let counter = 0
const nextUid = () => `u${++counter}`

export const isChoice = (type: QuestionType) => type === 'SINGLE_CHOICE' || type === 'MULTIPLE_CHOICE'

/** A key from a label: "Akan datang lagi?" → "akan-datang-lagi"; at most 40 characters; '' when no letter or digit. */
export function slugOf(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return words.slice(0, KEY_MAX).replace(/-+$/g, '')
}

/** `base` (or `fallback` when empty), made unique among `taken` with -2, -3…, within 40 characters. */
export function uniqueKey(base: string, fallback: string, taken: ReadonlySet<string>): string {
  const start = base || fallback
  if (!taken.has(start)) return start
  for (let n = 2; ; n++) {
    const suffix = `-${n}`
    const candidate = `${start.slice(0, KEY_MAX - suffix.length).replace(/-+$/g, '')}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

export function newOption(): OptionForm {
  return { uid: nextUid(), key: '', label: { id: '', en: '' } }
}

export function newQuestion(type: QuestionType = 'SINGLE_CHOICE'): QuestionForm {
  return {
    uid: nextUid(),
    key: '',
    text: { id: '', en: '' },
    type,
    required: false,
    options: isChoice(type) ? [newOption(), newOption()] : [],
    min: '',
    max: '',
    conditionQuestion: '',
    conditionOption: '',
  }
}

export function newSection(): SectionForm {
  return { uid: nextUid(), title: { id: '', en: '' }, questions: [newQuestion()] }
}

export function emptyForm(): SurveyForm {
  return {
    title: { id: '', en: '' },
    introduction: { id: '', en: '' },
    access: 'ANONYMOUS',
    onePerPerson: false,
    sections: [newSection()],
  }
}

/** The form of a saved survey: every key is fixed. */
export function formOf(survey: Survey): SurveyForm {
  const byKey = new Map<string, QuestionForm>()
  const sections = survey.sections.map((section) => ({
    uid: nextUid(),
    title: { id: section.title?.id ?? '', en: section.title?.en ?? '' },
    questions: section.questions.map((q) => {
      const question: QuestionForm = {
        uid: nextUid(),
        key: q.key,
        text: { id: q.text.id, en: q.text.en },
        type: q.type,
        required: q.required,
        options: (q.options ?? []).map((o) => ({ uid: nextUid(), key: o.key, label: { id: o.label.id, en: o.label.en } })),
        min: q.min == null ? '' : String(q.min),
        max: q.max == null ? '' : String(q.max),
        conditionQuestion: '',
        conditionOption: '',
      }
      const on = q.condition ? byKey.get(q.condition.questionKey) : undefined
      if (on) {
        question.conditionQuestion = on.uid
        question.conditionOption = on.options.find((o) => o.key === q.condition!.optionKey)?.uid ?? ''
      }
      byKey.set(q.key, question)
      return question
    }),
  }))
  return {
    title: { ...survey.title },
    introduction: { ...survey.introduction },
    access: survey.access,
    onePerPerson: survey.onePerPerson,
    sections,
  }
}

/** Every question in order, with where it is. */
export function allQuestions(form: SurveyForm): Array<{ question: QuestionForm; section: number; index: number }> {
  return form.sections.flatMap((s, section) => s.questions.map((question, index) => ({ question, section, index })))
}

/** The questions a question's condition may name: the choice questions before it, in order. */
export function conditionChoices(form: SurveyForm, uid: string): QuestionForm[] {
  const earlier: QuestionForm[] = []
  for (const { question } of allQuestions(form)) {
    if (question.uid === uid) return earlier
    if (isChoice(question.type) && question.options.length > 0) earlier.push(question)
  }
  return earlier
}

/** Moves an item of a list one place up (-1) or down (+1); false when it is already at that end. */
export function move<T>(list: T[], index: number, by: -1 | 1): boolean {
  const to = index + by
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return false
  const [item] = list.splice(index, 1)
  list.splice(to, 0, item!)
  return true
}

/**
 * Drops the conditions that no longer hold after a change (a question moved above the one it depends on, retyped
 * to a type without options, removed, or an option removed). Returns how many were dropped.
 */
export function pruneConditions(form: SurveyForm): number {
  let dropped = 0
  for (const { question } of allQuestions(form)) {
    if (!question.conditionQuestion) continue
    const on = conditionChoices(form, question.uid).find((q) => q.uid === question.conditionQuestion)
    if (!on || !on.options.some((o) => o.uid === question.conditionOption)) {
      question.conditionQuestion = ''
      question.conditionOption = ''
      dropped++
    }
  }
  return dropped
}

/** Changes a question's type: a choice type gets two empty options if it had none; others lose options and range. */
export function changeType(question: QuestionForm, type: QuestionType): void {
  question.type = type
  if (isChoice(type)) {
    if (question.options.length === 0) question.options = [newOption(), newOption()]
  } else {
    question.options = []
  }
  if (type !== 'NUMBER') {
    question.min = ''
    question.max = ''
  }
}

/** The key each question and option will be saved with (saved keys as they are, new ones from their labels). */
export function keysOf(form: SurveyForm): { questions: Map<string, string>; options: Map<string, string> } {
  const questions = new Map<string, string>()
  const options = new Map<string, string>()
  const all = allQuestions(form)
  const takenQuestions = new Set(all.map(({ question }) => question.key).filter(Boolean))
  all.forEach(({ question }, n) => {
    const key = question.key || uniqueKey(slugOf(question.text.id), `pertanyaan-${n + 1}`, takenQuestions)
    takenQuestions.add(key)
    questions.set(question.uid, key)
    const takenOptions = new Set(question.options.map((o) => o.key).filter(Boolean))
    question.options.forEach((option, i) => {
      const optionKey = option.key || uniqueKey(slugOf(option.label.id), `pilihan-${i + 1}`, takenOptions)
      takenOptions.add(optionKey)
      options.set(option.uid, optionKey)
    })
  })
  return { questions, options }
}

const number = (value: string): number | null => {
  const trimmed = value.trim()
  if (trimmed === '') return null
  const n = Number(trimmed)
  return Number.isFinite(n) ? n : NaN
}

/** The request the form becomes: texts trimmed, keys fixed, an untitled section without title. */
export function requestOf(form: SurveyForm): SurveyRequest {
  const keys = keysOf(form)
  return {
    title: { id: form.title.id.trim(), en: form.title.en.trim() },
    introduction: { id: form.introduction.id.trim(), en: form.introduction.en.trim() },
    access: form.access,
    onePerPerson: form.access === 'ANONYMOUS' ? false : form.onePerPerson,
    sections: form.sections.map((section) => ({
      title: section.title.id.trim() || section.title.en.trim() ? { id: section.title.id.trim(), en: section.title.en.trim() } : null,
      questions: section.questions.map((q) => ({
        key: keys.questions.get(q.uid)!,
        text: { id: q.text.id.trim(), en: q.text.en.trim() },
        type: q.type,
        required: q.required,
        options: isChoice(q.type)
          ? q.options.map((o) => ({ key: keys.options.get(o.uid)!, label: { id: o.label.id.trim(), en: o.label.en.trim() } }))
          : [],
        min: q.type === 'NUMBER' ? number(q.min) : null,
        max: q.type === 'NUMBER' ? number(q.max) : null,
        condition:
          q.conditionQuestion && q.conditionOption
            ? { questionKey: keys.questions.get(q.conditionQuestion)!, optionKey: keys.options.get(q.conditionOption)! }
            : null,
      })),
    })),
  }
}

/**
 * The id of the input a server field name points at: "title.id" → "survey-title-id",
 * "sections[0].questions[1].key" → the question's Indonesian text (its key comes from it),
 * "sections[0].questions[1].options[2].label.en" → that option's English label. Unknown names give null.
 */
export function inputIdFor(form: SurveyForm, field: string): string | null {
  const top: Record<string, string> = {
    'title.id': 'survey-title-id',
    'title.en': 'survey-title-en',
    title: 'survey-title-id',
    'introduction.id': 'survey-intro-id',
    'introduction.en': 'survey-intro-en',
    introduction: 'survey-intro-id',
    access: 'survey-access-ANONYMOUS',
    onePerPerson: 'survey-one-per-person',
    sections: 'survey-add-section',
  }
  if (top[field]) return top[field]!
  const m = /^sections\[(\d+)\](?:\.(.*))?$/.exec(field)
  if (!m) return null
  const section = form.sections[Number(m[1])]
  if (!section) return null
  const rest = m[2] ?? ''
  if (rest === '' || rest === 'title' || rest === 'title.id') return `s-${section.uid}-title-id`
  if (rest === 'title.en') return `s-${section.uid}-title-en`
  if (rest === 'questions') return `s-${section.uid}-add-question`
  const q = /^questions\[(\d+)\](?:\.(.*))?$/.exec(rest)
  if (!q) return null
  const question = section.questions[Number(q[1])]
  if (!question) return null
  const part = q[2] ?? ''
  const id = `q-${question.uid}`
  if (part === '' || part === 'key' || part === 'text' || part === 'text.id') return `${id}-text-id`
  if (part === 'text.en') return `${id}-text-en`
  if (part === 'type') return `${id}-type`
  if (part === 'required') return `${id}-required`
  if (part === 'min' || part === 'max') return `${id}-${part}`
  if (part.startsWith('condition')) return `${id}-condition`
  if (part === 'options') return `${id}-add-option`
  const o = /^options\[(\d+)\](?:\.(.*))?$/.exec(part)
  if (!o) return null
  const option = question.options[Number(o[1])]
  if (!option) return `${id}-add-option`
  return o[2] === 'label.en' ? `o-${option.uid}-en` : `o-${option.uid}-id`
}

export { QUESTION_TYPES }

/**
 * Moves a question one place up or down; past the top or bottom of its section it goes to the end of the section
 * before or the start of the section after (never leaving a section empty). Its new place, or null when it cannot move.
 */
export function moveQuestion(form: SurveyForm, section: number, index: number, by: -1 | 1): { section: number; index: number } | null {
  const list = form.sections[section]?.questions
  if (!list || index < 0 || index >= list.length) return null
  if (move(list, index, by)) return { section, index: index + by }
  const target = form.sections[section + by]
  if (!target || list.length === 1) return null
  const [question] = list.splice(index, 1)
  if (by === -1) {
    target.questions.push(question!)
    return { section: section - 1, index: target.questions.length - 1 }
  }
  target.questions.unshift(question!)
  return { section: section + 1, index: 0 }
}
