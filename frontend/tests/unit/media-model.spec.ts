import { describe, expect, it } from 'vitest'
import { formatBytes, formatDimensions, formatDuration, localPath } from '@/features/media/model'

describe('the media library model', () => {
  it('shows sizes in the reader language', () => {
    expect(formatBytes(512, 'id')).toBe('512 B')
    expect(formatBytes(1536, 'id')).toBe('1,5 KB')
    expect(formatBytes(1536, 'en')).toBe('1.5 KB')
    expect(formatBytes(12.3 * 1024 * 1024, 'id')).toBe('12,3 MB')
    expect(formatBytes(null, 'id')).toBe('–')
  })

  it('shows dimensions and a video length', () => {
    expect(formatDimensions(1080, 1350)).toBe('1080 × 1350 px')
    expect(formatDimensions(0, 0)).toBe('–')
    expect(formatDuration(12_500)).toBe('0:13')
    expect(formatDuration(125_000)).toBe('2:05')
    expect(formatDuration(null)).toBe('')
  })

  it('loads a file from this origin whatever public host its URL names', () => {
    expect(localPath('https://serambi.example.go.id/media/abcDEF_-123.jpg')).toBe('/media/abcDEF_-123.jpg')
    expect(localPath('')).toBe('')
  })
})
