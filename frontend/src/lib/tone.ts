/** The tone of a status badge (StatusBadge); each has colours that meet WCAG AA (styles.css). */
export type Tone = 'success' | 'warning' | 'danger' | 'neutral' | 'info'
