import { describe, expect, it } from 'vitest'
import { challengeSurvey, POST_SURVEY_DAYS } from '@/features/challenges/participation/model'

/** Issue 20: the link a joined participant sees, before while the challenge runs and after for 30 days from its end. */
describe('challengeSurvey', () => {
  const challenge = { id: 7, status: 'PUBLISHED' as const, endsOn: '2026-12-31', preSurveyId: 4, postSurveyId: 5 }

  it('offers the survey before while the challenge runs, up to its last day', () => {
    expect(challengeSurvey(challenge, '2026-12-01', true)).toEqual({ phase: 'pre', to: '/survei/4?tantangan=7' })
    expect(challengeSurvey(challenge, '2026-12-31', true)).toEqual({ phase: 'pre', to: '/survei/4?tantangan=7' })
  })

  it('offers the survey after from the day after the end, for 30 days', () => {
    expect(POST_SURVEY_DAYS).toBe(30)
    expect(challengeSurvey(challenge, '2027-01-01', true)).toEqual({ phase: 'post', to: '/survei/5?tantangan=7' })
    expect(challengeSurvey(challenge, '2027-01-30', true)?.phase).toBe('post')
    expect(challengeSurvey(challenge, '2027-01-31', true)).toBeNull()
  })

  it('offers nothing to someone who did not join, for a draft, or when no survey is set', () => {
    expect(challengeSurvey(challenge, '2026-12-01', false)).toBeNull()
    expect(challengeSurvey({ ...challenge, status: 'DRAFT' }, '2026-12-01', true)).toBeNull()
    expect(challengeSurvey({ ...challenge, preSurveyId: null }, '2026-12-01', true)).toBeNull()
    expect(challengeSurvey({ ...challenge, postSurveyId: null }, '2027-01-02', true)).toBeNull()
  })

  it('uses one survey for both phases when staff set the same', () => {
    const same = { ...challenge, postSurveyId: 4 }
    expect(challengeSurvey(same, '2026-12-31', true)).toEqual({ phase: 'pre', to: '/survei/4?tantangan=7' })
    expect(challengeSurvey(same, '2027-01-01', true)).toEqual({ phase: 'post', to: '/survei/4?tantangan=7' })
  })
})
