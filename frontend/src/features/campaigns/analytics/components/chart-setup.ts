import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'

// Only what the dashboard draws (bar and line charts of rates, with tooltips), so the rest of Chart.js is left out
// of the bundle. This module is imported by the dashboard's chunk only, never by the app's entry.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip)

export { Chart }
