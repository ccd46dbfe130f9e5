import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js'

// Only bars with tooltips: what BarChart draws. Imported by BarChart alone, so Chart.js stays in the lazy chunks of
// the pages that show a chart, never in the app's entry.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip)

export { Chart }
