// The allowed values of every enumerated column, and the spellings a person may use for them in
// English, French and Spanish (the ATT's working languages). Pure: no I/O, no Node built-ins.

export const GENDERS = ['Woman', 'Man', 'Other', 'Not stated'] as const;
export type Gender = (typeof GENDERS)[number];

export const ROLES = [
  'Head of delegation',
  'Deputy head of delegation',
  'Delegate',
  'Adviser',
  'Observer',
] as const;
export type Role = (typeof ROLES)[number];

export const CATEGORIES = [
  'State Party',
  'Signatory State',
  'Observer State',
  'International or Regional Organization',
  'Civil Society or NGO',
  'Industry',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories whose delegations are States, and so may carry an ISO country code. */
export const STATE_CATEGORIES: readonly Category[] = ['State Party', 'Signatory State', 'Observer State'];

export const MODES = ['In person', 'Online'] as const;
export type Mode = (typeof MODES)[number];

export const PARTICIPANT_STATUSES = ['Registered', 'Confirmed', 'Cancelled'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const SESSION_KINDS = ['Plenary', 'Side event'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const AGENDA_STATUSES = ['Planned', 'Addressed', 'Deferred'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

export const SUBMISSION_TYPES = ['Working paper', 'AOB'] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];

export const YES_NO = ['Yes', 'No'] as const;
export type YesNo = (typeof YES_NO)[number];

/**
 * Folds a spelling to the form synonyms are keyed by: accents stripped, lower case, hyphens,
 * underscores and runs of white space made one space, a trailing full stop dropped.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-_\s\u00a0]+/g, ' ')
    .replace(/\.$/, '')
    .trim();
}

export interface Vocabulary<T extends string> {
  /** What the column is called in messages: "a gender". */
  readonly noun: string;
  readonly values: readonly T[];
  /** Folded spelling -> canonical value. Every canonical value is its own synonym. */
  readonly synonyms: ReadonlyMap<string, T>;
}

/**
 * Builds a vocabulary: each value and its other spellings (EN/FR/ES), folded, mapped to the value.
 * Throws `contract: "<spelling>" would mean both <a> and <b>` when one folded spelling would stand
 * for two values (a bug in the contract, found when the module loads). Exported for its tests.
 */
export function vocabulary<T extends string>(noun: string, values: readonly T[], spellings: { [K in T]: string[] }): Vocabulary<T> {
  const synonyms = new Map<string, T>();
  for (const value of values) {
    for (const spelling of [value, ...spellings[value]]) {
      const key = fold(spelling);
      const already = synonyms.get(key);
      if (already !== undefined && already !== value) {
        throw new Error(`contract: "${spelling}" would mean both ${already} and ${value}`);
      }
      synonyms.set(key, value);
    }
  }
  return { noun, values, synonyms };
}

/** Folded spellings already met: a column of 60,000 rows holds a handful of spellings. Bounded. */
const FOLDED = new Map<string, string>();

/** The canonical value a spelling stands for, or undefined when it stands for none. */
export function normalizeTo<T extends string>(vocab: Vocabulary<T>, text: string): T | undefined {
  let key = FOLDED.get(text);
  // `if (true)` here is an equivalent mutant (folding again gives the same key: the cache only saves time), left unmarked because `if (false)` on the same line is killable and one marker would hide both.
  if (key === undefined) {
    key = fold(text);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent mutants, the bound only limits the cache's memory
    if (FOLDED.size < 4096) FOLDED.set(text, key);
  }
  return vocab.synonyms.get(key);
}

// "M" is Man (English male, Spanish masculino); "H" is Man (homme, hombre). "F" is Woman in all
// three languages. Spellings that mean different things in different languages are left out, so
// that they are reported rather than guessed.
export const GENDER = vocabulary('a gender', GENDERS, {
  Woman: ['W', 'F', 'Female', 'Women', 'Femme', 'Femmes', 'Féminin', 'Feminine', 'Mujer', 'Mujeres', 'Femenino', 'Femenina', 'Mme', 'Ms', 'Mrs', 'Sra'],
  Man: ['M', 'H', 'Male', 'Men', 'Homme', 'Hommes', 'Masculin', 'Masculine', 'Hombre', 'Hombres', 'Masculino', 'Varón', 'Mr', 'Sr'],
  // Forms' own answers: "non-binary", "third gender", "prefer to self-describe" (a person who
  // describes their gender in their own words is counted as Other).
  Other: ['Other', 'X', 'Non-binary', 'Nonbinary', 'Non binaire', 'Non-binaire', 'Autre', 'Otro', 'Otra', 'No binario', 'No binaria', 'No binarie', 'Diverse', 'Divers',
    'Third gender', 'Troisième genre', 'Tercer género', 'Genderqueer', 'Gender diverse', 'Another gender', 'Un autre genre', 'Otro género',
    'Prefer to self-describe', 'Prefer to self describe', 'Self-describe', 'Self-described', 'I prefer to self-describe',
    'Préfère se décrire', 'Je préfère me décrire', 'Je préfère me décrire moi-même', 'Autodescription',
    'Prefiero autodescribirme', 'Prefiere autodescribirse', 'Autodescripción'],
  'Not stated': ['Not stated', 'Prefer not to say', 'Not specified', 'Unknown', 'Undisclosed', 'NS', 'Non précisé', 'Non indiqué', 'Non communiqué', 'Inconnu', 'No indicado', 'No especificado', 'Prefiere no decir', 'Prefiero no decirlo', 'Desconocido',
    'Prefer not to answer', 'Prefer not to disclose', 'I prefer not to say', 'I prefer not to answer', 'Rather not say', 'Decline to state', 'Declined to answer',
    'Préfère ne pas le dire', 'Préfère ne pas répondre', 'Je préfère ne pas répondre', 'Je préfère ne pas le dire', 'Ne souhaite pas répondre', 'Ne se prononce pas',
    'Prefiero no decir', 'Prefiero no responder', 'Prefiere no responder', 'Prefiero no contestar', 'Prefiere no contestar', 'No responde', 'No contesta'],
});

export const ROLE = vocabulary('a role', ROLES, {
  'Head of delegation': ['Head', 'HoD', 'Head of the delegation', 'Chef de délégation', 'Cheffe de délégation', 'Chef de la délégation', 'Jefe de delegación', 'Jefa de delegación', 'Jefe de la delegación', 'Jefa de la delegación'],
  'Deputy head of delegation': ['Deputy head', 'Deputy', 'Deputy HoD', 'Alternate head of delegation', 'Chef adjoint de délégation', 'Cheffe adjointe de délégation', 'Chef de délégation adjoint', 'Cheffe de délégation adjointe', 'Jefe adjunto de delegación', 'Jefa adjunta de delegación', 'Jefe de delegación adjunto', 'Jefa de delegación adjunta'],
  Delegate: ['Delegates', 'Member', 'Member of delegation', 'Délégué', 'Déléguée', 'Delegado', 'Delegada', 'Representative', 'Représentant', 'Représentante', 'Representante'],
  Adviser: ['Advisor', 'Advisers', 'Expert', 'Conseiller', 'Conseillère', 'Asesor', 'Asesora', 'Consejero', 'Consejera', 'Experte', 'Experto', 'Experta'],
  Observer: ['Observers', 'Observateur', 'Observatrice', 'Observador', 'Observadora'],
});

export const CATEGORY = vocabulary('a delegation category', CATEGORIES, {
  'State Party': ['States Parties', 'State Parties', 'Party', 'État partie', 'États parties', 'Estado Parte', 'Estados Partes'],
  'Signatory State': ['Signatory', 'Signatory States', 'Signatories', 'État signataire', 'États signataires', 'Estado signatario', 'Estados signatarios'],
  'Observer State': ['Observer States', 'Observer (State)', 'État observateur', 'États observateurs', 'Estado observador', 'Estados observadores'],
  'International or Regional Organization': ['International or Regional Organisation', 'International Organization', 'International Organisation', 'Regional Organization', 'Regional Organisation', 'IO', 'IGO', 'International or regional organizations', 'Organisation internationale', 'Organisation régionale', 'Organisation internationale ou régionale', 'Organización internacional', 'Organización regional', 'Organización internacional o regional'],
  'Civil Society or NGO': ['Civil Society', 'Civil society organization', 'Civil society organisation', 'CSO', 'NGO', 'NGOs', 'Civil society and NGOs', 'Société civile', 'ONG', 'Sociedad civil'],
  Industry: ['Private sector', 'Industrie', 'Industria', 'Secteur privé', 'Sector privado'],
});

export const MODE = vocabulary('a mode of participation', MODES, {
  'In person': ['In-person', 'Inperson', 'On site', 'Onsite', 'Physical', 'Présentiel', 'En présentiel', 'En personne', 'Sur place', 'Presencial', 'En persona'],
  Online: ['On-line', 'Virtual', 'Remote', 'Livestream', 'Remotely', 'En ligne', 'À distance', 'Virtuel', 'En línea', 'Virtual (online)', 'A distancia'],
});

// Registration systems' and webinar tools' own states, too: a complete or pending registration is
// Registered; one approved or accepted by the Secretariat is Confirmed; one withdrawn, declined or
// rejected counts nowhere, as Cancelled.
export const PARTICIPANT_STATUS = vocabulary('a registration status', PARTICIPANT_STATUSES, {
  Registered: ['Pending', 'Inscrit', 'Inscrite', 'Enregistré', 'Registrado', 'Registrada', 'Inscrito', 'Inscrita',
    'Complete', 'Completed', 'Submitted', 'Attending', 'Checked in', 'Awaiting approval', 'Pending approval', 'Waitlisted', 'Waiting list',
    'Complète', 'Complet', 'Terminée', 'Soumis', 'Soumise', 'En attente', 'Liste d\'attente',
    'Completo', 'Completa', 'Completado', 'Completada', 'Enviado', 'Enviada', 'Pendiente', 'En espera', 'Lista de espera'],
  Confirmed: ['Accredited', 'Confirmé', 'Confirmée', 'Accrédité', 'Confirmado', 'Confirmada', 'Acreditado',
    'Approved', 'Accepted', 'Approuvé', 'Approuvée', 'Accepté', 'Acceptée', 'Accréditée', 'Aprobado', 'Aprobada', 'Aceptado', 'Aceptada', 'Acreditada'],
  Cancelled: ['Canceled', 'Withdrawn', 'Annulé', 'Annulée', 'Cancelado', 'Cancelada', 'Anulado', 'Anulada',
    'Declined', 'Rejected', 'Denied', 'Not attending', 'Retiré', 'Retirée', 'Refusé', 'Refusée', 'Rejeté', 'Rejetée', 'Retirado', 'Retirada', 'Rechazado', 'Rechazada', 'Denegado', 'Denegada'],
});

export const SESSION_KIND = vocabulary('a session kind', SESSION_KINDS, {
  Plenary: ['Plenary session', 'Session', 'Plénière', 'Séance plénière', 'Plenaria', 'Sesión plenaria'],
  'Side event': ['Side events', 'Side-event', 'Événement parallèle', 'Manifestation parallèle', 'Evento paralelo'],
});

export const AGENDA_STATUS = vocabulary('an agenda item status', AGENDA_STATUSES, {
  Planned: ['Scheduled', 'Prévu', 'Prévue', 'Previsto', 'Prevista'],
  Addressed: ['Done', 'Taken', 'Considered', 'Traité', 'Traitée', 'Examiné', 'Examinado', 'Tratado'],
  Deferred: ['Postponed', 'Reporté', 'Reportée', 'Aplazado', 'Aplazada', 'Postergado'],
});

export const SUBMISSION_TYPE = vocabulary('a submission type', SUBMISSION_TYPES, {
  'Working paper': ['Working papers', 'WP', 'Document de travail', 'Documento de trabajo'],
  AOB: ['Any other business', 'Other business', 'Questions diverses', 'Autres questions', 'Otros asuntos', 'Asuntos varios'],
});

export const YES_NO_VOCAB = vocabulary('Yes or No', YES_NO, {
  Yes: ['Y', 'True', 'Oui', 'Sí', '1'],
  No: ['N', 'False', 'Non', '0'],
});
