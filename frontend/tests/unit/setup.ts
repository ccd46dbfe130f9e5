// The unit tests render staff pages too: give them every message, as the router does before such a page (B7 split).
import { loadAllMessages } from '@/app/i18n'

await loadAllMessages()
