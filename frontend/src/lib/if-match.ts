/** The If-Match header for the version a page read (the backend's ETag is the version in quotes: "3"). */
export const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })
