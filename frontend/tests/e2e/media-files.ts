import { expect, type APIRequestContext } from '@playwright/test'

/**
 * Small real JPEG files for the browser tests, made with Java's ImageIO (a green square with a yellow disc):
 * a 64 × 64 square, which every platform's media rules accept, and a 36 × 64 (9:16) portrait, too narrow for
 * Instagram (4:5 at the narrowest).
 */
export const SQUARE_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCABAAEADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDgqKKK0PngooooAKKKKACiiigAooooA3fDfhufXrrJ3R2cZ/ey+v8Asr7/AMvyB9Gs/DGjWVuIV0+CXHV50EjMcYzk/ToMD2o8MWcNl4csVhXHmRLM5IGWZgCc4+uPoBWvXyGPx9WrVcYu0UfYYDAUqVJSkryZmT+HdGuIWifTLUK3UxxhD+a4Irz7xP4Sk0TFzal5rE4BZuWjP+1jsex/D0z6pVe+s4dQsZrSdcxSoVPAyPcZ7jqPcVGEx9WhNNu8eqNMZl9KvTaStLozw2iiivsj4sKKKKAPadAuhe6BYTiVpSYVDu2clgMNnPXkHmtGvK/CXif+xJja3IzYyvuYgcxtwN3uOBke3HofTLO+tdQtxPaTpNEf4kOcHGcH0PI4PNfGY/Bzw9Vu3uvZn2uAxkMRSSv7y3RYqOeeO2t5J5m2xRIXdsZwAMk8UTzw20LTTypFEvV5GCgduprzvxd4uj1KE6dpx3WrYMspXBcjkAA8gA456k+3XPCYSeJmoxWnV9jTGYynhqblJ69F3ONooor7c+GCiiigAooooAKKKKACiiigD//Z',
  'base64',
)

export const PORTRAIT_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCABAACQDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDgqKKK0PngooooAKKKKACuq8E6BHqt9JdXcW+1t8YVujv2B4wQByR7jsa5WvWvBMaJ4UtGVFUuXZiBjcd5GT68AD8K87Na8qOHbju3Y9LKqEa2ISlslct3XhvR7q1kgOn28YcY3xRKjr7ggV5FfWc2n301pOuJYnKng4PuM9j1Hsa9yrzH4hRoniKJlRVL2ysxAxuO5hk+vAA/CvLybEz9q6UndM9TOsND2SqxVmjk6KKK+lPmQr13wdI8nhSxZ3ZiA65Y54DsAPwAAryKuz8Aa0lrdS6ZcSKkc53wljj950x07jHU/wAOOprzM3oyq4e8ejueplFeNLE2l9pWPR68z+In/IwQf9eq/wDob16NdXUFlayXNzKscMYyzt2/z6V4tqmoSapqdxeyjDSvkL/dHQDoM4AAz7V5eS0ZSrOp0S/M9XO60Y0VS6t/kVKKKK+nPlgooooAKKKKACiiigD/2Q==',
  'base64',
)

/**
 * Uploads the square JPEG to the media library and returns its id. Since issue 15 a post with an Instagram variant
 * needs an image before it can be submitted for review: specs that submit one through the API attach this.
 */
export async function uploadSquareImage(request: APIRequestContext, token: string, name = 'persegi.jpg'): Promise<number> {
  const answer = await request.post('/api/media', {
    headers: { Authorization: `Bearer ${token}` },
    multipart: { file: { name, mimeType: 'image/jpeg', buffer: SQUARE_JPEG } },
  })
  expect(answer.status(), await answer.text()).toBe(201)
  return ((await answer.json()) as { id: number }).id
}
