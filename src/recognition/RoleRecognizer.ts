import { answerText } from './answerText';
import { boundedText } from './boundedText';
import { TypoMender } from './TypoMender';

/** Who is asking: the guides word their advice for each. */
export type Role = 'parent' | 'young-person' | 'school-staff' | 'professional';

export const ROLE_LABELS: Record<Role, string> = {
  parent: 'parent or carer',
  'young-person': 'young person',
  'school-staff': 'school or college staff',
  professional: 'other professional',
};

const mender = new TypoMender([
  'parent', 'carer', 'mother', 'father', 'guardian', 'foster', 'grandparent', 'grandmother', 'grandfather',
  'teacher', 'headteacher', 'senco', 'assistant', 'student', 'learner', 'social', 'worker', 'visitor',
  'therapist', 'psychologist', 'paediatrician', 'professional', 'practitioner', 'nurse', 'doctor', 'coordinator', 'nursery',
]);

const PATTERNS: Array<[Role, RegExp]> = [
  ['parent', /\b(parents?|parnet|perent|parant|parent carer|mum|mom|mam|mummy|mother|dad|daddy|father|carers?|guardian|special guardian|foster( carer| parent| mum| dad)?|adoptive|step ?(mum|dad|parent|mother|father)|grand(parent|mother|father|ma|pa|mum|dad)s?|nan|nana|nanna|gran|granny|grandad|auntie|aunt|uncle|kinship carer|my (own )?(son|daughter|child|kid|boy|girl|grandson|granddaughter|grandchild|stepson|stepdaughter|foster child)|ds|dd|dc)\b/],
  ['young-person', /\b(young person|i'?m (a |the )?(student|pupil|learner)|i am (a |the )?(student|pupil|learner)|student|pupil|learner|about me|for me|for myself|about myself|it'?s me|it'?s about me|i'?m (1[6-9]|2[0-5])|i am (1[6-9]|2[0-5])|yp)\b|^(me|myself|just me|me myself)$/],
  ['school-staff', /\b(teachers?|student teacher|trainee teacher|class teacher|form tutor|tutor|senco|sendco|senco'?s|inclusion (lead|manager|leader|coordinator)|teaching assistant|learning support( assistant)?|lsa|hlta|(a|the) ta|head ?teacher|head of (year|sen|send|inclusion|department)|deputy head|assistant head|school (staff|senco|business manager|governor)|governor|pastoral( lead| manager)?|nursery (staff|worker|manager|practitioner|teacher)|early years practitioner|eyfs practitioner|college (staff|tutor|lecturer)|lecturer|work (at|in) (a |the )?(school|nursery|college|academy))\b|^(ta|school|staff)$/],
  ['professional', /\b(social worker|sw|health visitor|school nurse|nurse|doctor|gp|paediatrician|pediatrician|(speech and language |speech |occupational )?therapist|salt|slt|ot|physio(therapist)?|educational psychologist|ed psych|psychologist|ep|camhs|family support( worker)?|early help( worker)?|key ?worker|youth worker|case ?worker|ehc (co-?ordinator|coordinator|officer)|send (officer|caseworker)|ias officer|sendiass( officer)?|sendias|advocate|professional|practitioner|clinician|local authority|council officer|virtual school|portage( worker)?)\b/],
];

/**
 * Who is asking, from an answer like "I'm his mum", "parent carer", "I'm 17", "SENCO",
 * "I'm a TA", "social worker", "health visitor". When an answer names more than one role,
 * the one named first wins ("teacher and mum" → school staff); at the same place, the
 * longer phrase ("student teacher" over "student"). Undefined when none is named.
 */
export function recognizeRole(input: string): Role | undefined {
  const text = mender.mend(answerText(boundedText(input)));
  if (!text) return undefined;
  let best: { role: Role; index: number; length: number } | undefined;
  for (const [role, pattern] of PATTERNS) {
    const global = new RegExp(pattern.source, 'g');
    for (const m of text.matchAll(global)) {
      const index = m.index ?? 0;
      if (!best || index < best.index || (index === best.index && m[0].length > best.length)) best = { role, index, length: m[0].length };
    }
  }
  return best?.role;
}
