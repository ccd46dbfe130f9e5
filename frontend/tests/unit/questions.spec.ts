import { describe, expect, it } from 'vitest'
import { i18n } from '@/app/i18n'
import type { Question, QuestionUpdate } from '@/features/events/questions/api'
import { applyUpdate, loadVotes, mergeQuestion, questionErrorMessages, saveVotes, sortQuestions, upsertForStaff } from '@/features/events/questions/model'
import { ApiError } from '@/lib/api-client'

const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string

function q(id: number, upvotes: number, minute: number, extra: Partial<Question> = {}): Question {
  return {
    id,
    eventId: 12,
    text: `Pertanyaan ${id}`,
    status: 'APPROVED',
    upvotes,
    displayName: null,
    answer: null,
    createdAt: `2026-12-05T11:${String(minute).padStart(2, '0')}:00Z`,
    answeredAt: null,
    ...extra,
  }
}
const ids = (list: Question[]) => list.map((x) => x.id)
/** A stream update as the server sends it: every property present, null where it does not apply. */
const up = (u: Pick<QuestionUpdate, 'kind'> & Partial<QuestionUpdate>): QuestionUpdate => ({ eventId: 12, question: null, questions: null, ...u })

describe('sortQuestions', () => {
  it('puts the most upvoted first, then the one asked first', () => {
    expect(ids(sortQuestions([q(1, 2, 5), q(2, 7, 9), q(3, 2, 1), q(4, 0, 0)]))).toEqual([2, 3, 1, 4])
  })

  it('breaks a tie in time by id, and does not change its input', () => {
    const list = [q(9, 1, 3), q(4, 1, 3)]
    expect(ids(sortQuestions(list))).toEqual([4, 9])
    expect(ids(list)).toEqual([9, 4])
  })
})

describe('applyUpdate', () => {
  const list = sortQuestions([q(1, 3, 0), q(2, 1, 1)])

  it('replaces the list with a snapshot, keeping only visible questions', () => {
    const r = applyUpdate([], up({ kind: 'SNAPSHOT', questions: [q(5, 0, 2), q(6, 4, 3, { status: 'ANSWERED' }), q(7, 9, 1, { status: 'HIDDEN' })] }))
    expect(ids(r.questions)).toEqual([6, 5])
    expect(ids(r.added)).toEqual([6, 5])
  })

  it('reports what a snapshot after a reconnect brought', () => {
    const r = applyUpdate(list, up({ kind: 'SNAPSHOT', questions: [q(1, 3, 0, { status: 'ANSWERED', answer: 'Ya' }), q(2, 1, 1), q(8, 0, 4)] }))
    expect(ids(r.added)).toEqual([8])
    expect(ids(r.answered)).toEqual([1])
  })

  it('adds a newly approved question in its place', () => {
    const r = applyUpdate(list, up({ kind: 'UPSERT', question: q(3, 2, 2) }))
    expect(ids(r.questions)).toEqual([1, 3, 2])
    expect(ids(r.added)).toEqual([3])
  })

  it('moves a question up when its votes change, without announcing it as new', () => {
    const r = applyUpdate(list, up({ kind: 'UPSERT', question: q(2, 5, 1) }))
    expect(ids(r.questions)).toEqual([2, 1])
    expect(r.questions[0]!.upvotes).toBe(5)
    expect(r.added).toEqual([])
  })

  it('never lowers a vote count with a late, older copy', () => {
    const r = applyUpdate([q(1, 6, 0)], up({ kind: 'UPSERT', question: q(1, 4, 0) }))
    expect(r.questions[0]!.upvotes).toBe(6)
  })

  it('marks a question answered and reports it once', () => {
    const answered = q(2, 1, 1, { status: 'ANSWERED', answer: 'Ada di iPusnas.' })
    const r = applyUpdate(list, up({ kind: 'UPSERT', question: answered }))
    expect(r.questions.find((x) => x.id === 2)).toMatchObject({ status: 'ANSWERED', answer: 'Ada di iPusnas.' })
    expect(ids(r.answered)).toEqual([2])
    expect(applyUpdate(r.questions, up({ kind: 'UPSERT', question: { ...answered, upvotes: 2 } })).answered).toEqual([])
  })

  it('drops a question on REMOVE, or on an UPSERT that is no longer visible', () => {
    expect(ids(applyUpdate(list, up({ kind: 'REMOVE', question: q(1, 3, 0, { status: 'HIDDEN' }) })).questions)).toEqual([2])
    expect(ids(applyUpdate(list, up({ kind: 'UPSERT', question: q(2, 1, 1, { status: 'HIDDEN' }) })).questions)).toEqual([1])
  })

  it('changes nothing on a heartbeat', () => {
    const r = applyUpdate(list, up({ kind: 'HEARTBEAT' }))
    expect(r.questions).toEqual(list)
    expect(r.added).toEqual([])
  })
})

describe('staff merging', () => {
  it('keeps every status, replaces by id and orders by time asked', () => {
    const start = [q(1, 0, 5, { status: 'PENDING' }), q(2, 3, 1)]
    const merged = upsertForStaff(start, [q(1, 0, 5, { status: 'APPROVED' }), q(3, 0, 9, { status: 'PENDING' }), q(2, 2, 1, { status: 'HIDDEN' })])
    expect(merged.map((x) => [x.id, x.status, x.upvotes])).toEqual([
      [2, 'HIDDEN', 3],
      [1, 'APPROVED', 0],
      [3, 'PENDING', 0],
    ])
  })

  it('mergeQuestion takes the newer fields but the higher count', () => {
    expect(mergeQuestion(q(1, 5, 0), q(1, 2, 0, { status: 'ANSWERED' }))).toMatchObject({ status: 'ANSWERED', upvotes: 5 })
    expect(mergeQuestion(undefined, q(1, 2, 0))).toMatchObject({ upvotes: 2 })
  })
})

describe('questionErrorMessages', () => {
  it('explains the Q&A conflicts and a missing registration in the patron\'s words', () => {
    const tooMany = new ApiError(409, { type: 'https://serambi.id/problems/too-many-questions', status: 409 })
    expect(questionErrorMessages(tooMany, t)[409]).toBe('Anda sudah mengirim jumlah pertanyaan terbanyak untuk acara ini.')
    const closed = new ApiError(409, { type: 'https://serambi.id/problems/event-closed', status: 409 })
    expect(questionErrorMessages(closed, t)[409]).toContain('Tanya jawab sudah ditutup')
    expect(questionErrorMessages(new ApiError(403, null), t)[403]).toContain('Hanya peserta terdaftar')
  })
})

describe('remembered votes', () => {
  it('are kept per registration', () => {
    localStorage.clear()
    saveVotes(311, new Set([4, 9]))
    expect([...loadVotes(311)]).toEqual([4, 9])
    expect(loadVotes(312).size).toBe(0)
    expect(loadVotes(undefined).size).toBe(0)
    localStorage.setItem('serambi.qa.votes.313', '{broken')
    expect(loadVotes(313).size).toBe(0)
  })
})
