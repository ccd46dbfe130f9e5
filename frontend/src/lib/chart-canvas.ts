import { onBeforeUnmount, shallowRef, type Ref } from 'vue'
import type { Chart, ChartConfiguration } from 'chart.js'

/** A theme colour from the stylesheet's custom properties, or the fallback where there is no document (unit tests). */
export function cssColor(name: string, fallback: string): string {
  if (typeof window === 'undefined' || typeof getComputedStyle !== 'function') return fallback
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback
}

/**
 * One Chart.js chart on a canvas. `render()` draws it, updates the chart already there in place (the same canvas and
 * chart type), or removes it when the canvas is gone; the chart is destroyed with the component. The caller passes
 * its own registered `Chart` (each feature's chart-setup registers only what it draws, so Chart.js stays in the lazy
 * chunks of the pages that show a chart) and decides when to render.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bar and line charts alike
export function useChartCanvas(ChartClass: typeof Chart, canvas: Ref<HTMLCanvasElement | null>, config: () => ChartConfiguration<any, any, any>) {
  const chart = shallowRef<Chart | null>(null)

  function render() {
    const current = chart.value
    if (!canvas.value) {
      current?.destroy()
      chart.value = null
      return
    }
    const next = config()
    if (current && current.canvas === canvas.value && (current.config as { type?: string }).type === next.type) {
      current.data = next.data
      current.options = next.options ?? {}
      current.update()
      return
    }
    current?.destroy()
    chart.value = new ChartClass(canvas.value, next)
  }

  onBeforeUnmount(() => {
    chart.value?.destroy()
    chart.value = null
  })
  return { render }
}
