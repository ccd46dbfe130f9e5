/** The partner and link forms: what staff type, the request sent, and the checks that mirror the API's rules. */
import type { Check } from '@/lib/use-form-errors'
import type { LinkTargetKind, Partner, PartnerKind, PartnerLink, PartnerLinkRequest, PartnerRequest } from './api'

export const PARTNER_KINDS: readonly PartnerKind[] = ['INFLUENCER', 'SCHOOL', 'COMMUNITY', 'RADIO', 'OTHER']
export const TARGET_KINDS: readonly LinkTargetKind[] = ['EVENT', 'CHALLENGE', 'SURVEY', 'HOME']

export const NAME_MAX = 120
export const CONTACT_MAX = 300
export const NOTES_MAX = 2000
export const LABEL_MAX = 120

export interface PartnerForm {
  name: string
  kind: PartnerKind | ''
  contact: string
  notes: string
}

/** The form's fields, their element ids and labels (for the fields, the error summary and the API's field errors). */
export type PartnerFieldLabels = Record<'name' | 'kind' | 'contact' | 'notes', { id: string; label: string }>

export function partnerFieldLabels(t: (key: string) => string): PartnerFieldLabels {
  return {
    name: { id: 'partner-name', label: t('campaigns.partners.form.name') },
    kind: { id: 'partner-kind', label: t('campaigns.partners.form.kind') },
    contact: { id: 'partner-contact', label: t('campaigns.partners.form.contact') },
    notes: { id: 'partner-notes', label: t('campaigns.partners.form.notes') },
  }
}

export function emptyPartnerForm(): PartnerForm {
  return { name: '', kind: '', contact: '', notes: '' }
}

export function partnerFormOf(partner: Partner): PartnerForm {
  return { name: partner.name ?? '', kind: partner.kind ?? '', contact: partner.contact ?? '', notes: partner.notes ?? '' }
}

export function partnerRequestOf(form: PartnerForm): PartnerRequest {
  const body: PartnerRequest = { name: form.name.trim(), kind: form.kind as PartnerKind }
  if (form.contact.trim()) body.contact = form.contact.trim()
  if (form.notes.trim()) body.notes = form.notes.trim()
  return body
}

const tooLong = (value: string, max: number): Check => (value.trim().length > max ? { key: 'campaigns.partners.validation.tooLong', params: { max } } : null)

export function partnerChecks(form: PartnerForm): Record<string, Check> {
  return {
    name: !form.name.trim() ? { key: 'account.validation.required' } : tooLong(form.name, NAME_MAX),
    kind: form.kind ? null : { key: 'campaigns.partners.validation.kind' },
    contact: tooLong(form.contact, CONTACT_MAX),
    notes: tooLong(form.notes, NOTES_MAX),
  }
}

export interface LinkForm {
  targetKind: LinkTargetKind
  targetId: string
  campaignId: string
  label: string
}

export function emptyLinkForm(): LinkForm {
  return { targetKind: 'EVENT', targetId: '', campaignId: '', label: '' }
}

export function linkRequestOf(form: LinkForm): PartnerLinkRequest {
  const body: PartnerLinkRequest = { targetKind: form.targetKind }
  if (form.targetKind !== 'HOME' && form.targetId) body.targetId = Number(form.targetId)
  if (form.campaignId) body.campaignId = Number(form.campaignId)
  if (form.label.trim()) body.label = form.label.trim()
  return body
}

export function linkChecks(form: LinkForm): Record<string, Check> {
  return {
    targetId: form.targetKind !== 'HOME' && !form.targetId ? { key: 'campaigns.partners.validation.target' } : null,
    label: tooLong(form.label, LABEL_MAX),
  }
}

/** A file name for a link's QR code: the partner's name in plain letters and the code ("qr-radio-suara-ab23cd45ef.png"). */
export function qrFileName(partnerName: string, link: Pick<PartnerLink, 'code'>): string {
  const slug = partnerName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return `qr-${slug ? `${slug}-` : ''}${link.code}.png`
}
