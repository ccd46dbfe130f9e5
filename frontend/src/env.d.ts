/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

/** A part of a locale file (vite.config.ts splitMessages): the sections every page needs, or the staff-only ones. */
declare module '*.json?patron' {
  const messages: Record<string, unknown>
  export default messages
}
declare module '*.json?staff' {
  const messages: Record<string, unknown>
  export default messages
}
