import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'

// Only what the response-time report draws (grouped bars with a legend and tooltips). This module is imported by the
// report's chunk only, never by the app's entry.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip)

export { Chart }
