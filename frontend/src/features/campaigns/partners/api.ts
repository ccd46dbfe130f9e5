/**
 * Partners (issue 22): the library's local partners (influencers, schools, communities, radio), their tracked links
 * with a QR code each, for staff. A partner's contact is a person's: only staff responses carry it.
 */
import type { components } from '@/api/schema'
import { api, unwrap } from '@/lib/api-client'
import { ifMatch } from '@/lib/if-match'

type Schemas = components['schemas']

export type Partner = Schemas['Partner']
export type PartnerRequest = Schemas['PartnerRequest']
export type PartnerPage = Schemas['PartnerPage']
export type PartnerKind = Schemas['PartnerKind']
export type PartnerLink = Schemas['PartnerLink']
export type PartnerLinkRequest = Schemas['PartnerLinkRequest']
export type LinkTargetKind = Schemas['PartnerLinkTarget']

export async function listPartners(query: { q?: string; page: number; size: number }): Promise<PartnerPage> {
  return unwrap(await api.GET('/api/partners', { params: { query } }))
}

export async function getPartner(id: number): Promise<Partner> {
  return unwrap(await api.GET('/api/partners/{id}', { params: { path: { id } } }))
}

export async function createPartner(body: PartnerRequest): Promise<Partner> {
  return unwrap(await api.POST('/api/partners', { body }))
}

export async function updatePartner(id: number, version: number, body: PartnerRequest): Promise<Partner> {
  return unwrap(await api.PUT('/api/partners/{id}', { params: { path: { id }, header: ifMatch(version) }, body }))
}

export async function deletePartner(id: number): Promise<void> {
  unwrap(await api.DELETE('/api/partners/{id}', { params: { path: { id } } }))
}

export async function listLinks(id: number): Promise<PartnerLink[]> {
  return unwrap(await api.GET('/api/partners/{id}/links', { params: { path: { id } } }))
}

export async function createLink(id: number, body: PartnerLinkRequest): Promise<PartnerLink> {
  return unwrap(await api.POST('/api/partners/{id}/links', { params: { path: { id } }, body }))
}

export async function deleteLink(id: number, linkId: number): Promise<void> {
  unwrap(await api.DELETE('/api/partners/{id}/links/{linkId}', { params: { path: { id, linkId } } }))
}

/** The link's QR code as a PNG (the same client, so the bearer token goes along). */
export async function downloadQr(id: number, linkId: number): Promise<Blob> {
  return unwrap(
    await api.GET('/api/partners/{id}/links/{linkId}/qr', { params: { path: { id, linkId } }, parseAs: 'blob' }),
  ) as unknown as Blob
}
