/**
 * The widget's conversation for this visit: the asker's questions and the answers, kept at module level so that
 * closing and reopening the panel keeps it. Loaded with the panel, not with the page (B7).
 */
import { reactive, ref } from 'vue'
import { ApiError } from '@/lib/api-client'
import { ask, type AnswerLink } from './api'

export type ChatFrom = 'asker' | 'assistant'

export interface ChatMessage {
  id: number
  from: ChatFrom
  text: string
  links: AnswerLink[]
  handedOver: boolean
}

/** Why the last question got no answer: too many questions (429), or anything else. */
export type ChatError = 'tooMany' | 'failed' | null

const messages = reactive<ChatMessage[]>([])
const pending = ref(false)
const error = ref<ChatError>(null)
let nextId = 1

export function useAssistantChat() {
  async function send(question: string, language: 'id' | 'en'): Promise<boolean> {
    const text = question.trim()
    if (!text || pending.value) return false
    error.value = null
    pending.value = true
    const asked: ChatMessage = { id: nextId++, from: 'asker', text, links: [], handedOver: false }
    messages.push(asked)
    try {
      const answer = await ask(text, language)
      messages.push({ id: nextId++, from: 'assistant', text: answer.answer, links: answer.links ?? [], handedOver: answer.handedOver })
      return true
    } catch (e) {
      // The question goes back into the input (the panel keeps it), so that it can be sent again.
      messages.splice(messages.indexOf(asked), 1)
      error.value = e instanceof ApiError && e.status === 429 ? 'tooMany' : 'failed'
      return false
    } finally {
      pending.value = false
    }
  }

  return { messages, pending, error, send }
}

/** Forgets the conversation (tests). */
export function resetAssistantChat(): void {
  messages.splice(0)
  pending.value = false
  error.value = null
}
