import type { Translate } from './api-client'

/** The browser tab's title: the page's own title, then the app's name. */
export function setPageTitle(title: string, t: Translate): void {
  document.title = `${title} · ${t('app.titleSuffix')}`
}
