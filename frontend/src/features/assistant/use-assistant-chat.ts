/**
 * The widget's conversation: the asker's questions and the answers, kept at module level so that closing and
 * reopening the panel keeps it (loaded with the panel, not with the page: B7). A question handed over opens a
 * conversation with the library: its token is kept in localStorage and sent with later questions, a librarian's
 * replies arrive live (SSE), and a reload restores the conversation from the server.
 */
import { reactive, ref } from 'vue'
import { ApiError } from '@/lib/api-client'
import { openLiveStream, type LiveStream } from '@/lib/sse'
import {
  ask,
  conversationStreamUrl,
  conversationTokenOf,
  getConversation,
  sendToConversation,
  type AnswerLink,
  type ConversationMessage,
} from './api'

export type ChatFrom = 'asker' | 'assistant' | 'librarian'

export interface ChatMessage {
  /** Local messages count down from -1; the server's keep their id (so a message shown twice is shown once). */
  id: number
  from: ChatFrom
  text: string
  links: AnswerLink[]
  handedOver: boolean
}

/** Why the last question got no answer: too many questions (429), or anything else. */
export type ChatError = 'tooMany' | 'failed' | null

const TOKEN_KEY = 'serambi.assistant.conversation'

const messages = reactive<ChatMessage[]>([])
const pending = ref(false)
const error = ref<ChatError>(null)
/** The token of the conversation with the library, once a question was handed over. */
const token = ref<string | null>(null)
let nextLocalId = -1
let stream: LiveStream | null = null
let restored = false

function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

function keepToken(value: string | null) {
  token.value = value
  try {
    if (value) localStorage.setItem(TOKEN_KEY, value)
    else localStorage.removeItem(TOKEN_KEY)
  } catch {
    /* storage unavailable (private mode): the conversation lasts for this visit */
  }
}

function localMessage(from: ChatFrom, text: string, links: AnswerLink[] = [], handedOver = false): ChatMessage {
  return { id: nextLocalId--, from, text, links, handedOver }
}

/** Adds the server's messages not shown yet: the librarian's replies, and on a restore the asker's questions too. */
function merge(incoming: ConversationMessage[], withAsker: boolean) {
  for (const m of incoming) {
    if (messages.some((shown) => shown.id === m.id)) continue
    if (m.from === 'ASKER' && !withAsker) continue
    messages.push({ id: m.id, from: m.from === 'LIBRARY' ? 'librarian' : 'asker', text: m.text, links: [], handedOver: false })
  }
}

async function catchUp(withAsker: boolean) {
  if (!token.value) return
  try {
    merge(await getConversation(token.value), withAsker)
  } catch (e) {
    // A conversation that no longer exists (erased, or a token from elsewhere) is forgotten.
    if (e instanceof ApiError && e.status === 404) forget()
  }
}

function listen() {
  if (stream || !token.value) return
  let opened = false
  stream = openLiveStream<ConversationMessage>(conversationStreamUrl(token.value), {
    event: 'message',
    onMessage: (m) => merge([m], false),
    // After a reconnection, what arrived meanwhile is read again.
    onStateChange: (state) => {
      if (state === 'open' && opened) void catchUp(false)
      if (state === 'open') opened = true
    },
  })
}

function forget() {
  stream?.close()
  stream = null
  keepToken(null)
}

export function useAssistantChat() {
  /** Once per visit: the conversation a handed-over question opened earlier (another page load), and its replies. */
  async function restore(): Promise<void> {
    if (restored) return
    restored = true
    const kept = storedToken()
    if (!kept) return
    token.value = kept
    await catchUp(messages.length === 0)
    listen()
  }

  async function send(question: string, language: 'id' | 'en'): Promise<boolean> {
    const text = question.trim()
    if (!text || pending.value) return false
    error.value = null
    pending.value = true
    const asked = localMessage('asker', text)
    messages.push(asked)
    try {
      // Once a librarian has replied, the asker is talking with them: the message goes to the conversation.
      if (token.value && messages.some((m) => m.from === 'librarian')) {
        const sent = await sendToConversation(token.value, text)
        asked.id = sent.id
        return true
      }
      const answer = await ask(text, language, token.value)
      messages.push(localMessage('assistant', answer.answer, answer.links ?? [], answer.handedOver))
      const opened = conversationTokenOf(answer)
      if (opened && opened !== token.value) {
        stream?.close()
        stream = null
        keepToken(opened)
      }
      if (answer.handedOver) listen()
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

  return { messages, pending, error, token, send, restore }
}

/** Forgets the conversation (tests). */
export function resetAssistantChat(): void {
  stream?.close()
  stream = null
  restored = false
  messages.splice(0)
  pending.value = false
  error.value = null
  token.value = null
}
