/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** A part of a locale file (vite.config.ts splitMessages, app/message-sections.ts): first, later or staff. */
declare module '*.json?first' {
  const messages: Record<string, unknown>
  export default messages
}
declare module '*.json?later' {
  const messages: Record<string, unknown>
  export default messages
}
declare module '*.json?staff' {
  const messages: Record<string, unknown>
  export default messages
}
