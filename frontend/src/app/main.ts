import { createApp } from 'vue'
import App from './App.vue'
import { DEFAULT_LANGUAGE, i18n, isLanguage, setLanguage, storedLanguage } from './i18n'
import { loadLibrary, useLibrary } from '@/lib/library'
import { createAppRouter } from './router'
import { wireFeatures } from './wiring'
import './styles.css'

async function start() {
  const remembered = storedLanguage()
  await setLanguage(remembered ?? DEFAULT_LANGUAGE, false)

  const router = createAppRouter()
  const app = createApp(App).use(i18n).use(router).use(wireFeatures)

  // Without a remembered choice, follow the library's default language once it is known.
  void loadLibrary().then(() => {
    const preferred = useLibrary().defaultLanguage
    if (!storedLanguage() && !remembered && isLanguage(preferred) && preferred !== i18n.global.locale.value) {
      void setLanguage(preferred, false)
    }
  })

  await router.isReady()
  app.mount('#app')
}

void start()
