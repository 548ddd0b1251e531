/** The words for the model's codes, one name per thing on every surface. */
import type { MessageKey } from '@/lib/i18n';
import type { Appreciation, Circle, Person } from '@/lib/model';

export const CIRCLE_LABELS: Record<Circle, MessageKey> = {
  'own-team': 'peopleCircleOwnTeam',
  'other-department': 'peopleCircleOtherDepartment',
  'support-staff': 'peopleCircleSupportStaff',
  customer: 'peopleCircleCustomer',
  partner: 'peopleCirclePartner',
};

export const PREFERENCE_LABELS: Record<NonNullable<Person['thankPreference']>, MessageKey> = {
  privately: 'peoplePreferencePrivately',
  publicly: 'peoplePreferencePublicly',
  'in-writing': 'peoplePreferenceInWriting',
  'via-manager': 'peoplePreferenceViaManager',
};

/** The same on a person's card, as a sentence of its own. */
export const PREFERENCE_SENTENCES: Record<NonNullable<Person['thankPreference']>, MessageKey> = {
  privately: 'cardPrefersPrivately',
  publicly: 'cardPrefersPublicly',
  'in-writing': 'cardPrefersInWriting',
  'via-manager': 'cardPrefersViaManager',
};

export const CHANNEL_LABELS: Record<Appreciation['channel'], MessageKey> = {
  copied: 'logChannelCopied',
  mailto: 'logChannelMailto',
  inserted: 'logChannelInserted',
  'in-person': 'logChannelInPerson',
};
