/**
 * Built-in templates every office has without any seeding; an office row with the same code
 * overrides one (or, inactive, hides it). Wording follows the Code of Administrative Procedure
 * (KPA): art. 104 and 107 (decision), 127-129 and 127a (appeal), 217 (certificate), 64 § 2 (gaps
 * in an application), 36-37 (delay notice to every party, and ponaglenie). Dates come as
 * "27 listopada 2026 r.", so a placeholder followed by "." ends the sentence once (see
 * `fillTemplate`).
 */
import type { TemplateKind } from '../../platform/db/schema.ts';

export interface LetterTemplate {
  code: string;
  name: string;
  kind: TemplateKind;
  /** Plain text with `{{placeholders}}`; markup as in `letter-body.ts`. */
  body: string;
}

const KPA = 'ustawy z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego (KPA)';

const letter: LetterTemplate = {
  code: 'letter',
  name: 'Pismo ogólne',
  kind: 'letter',
  body: `Dotyczy: {{case.title}}

{{fields.content}}`,
};

const decision: LetterTemplate = {
  code: 'decision',
  name: 'Decyzja administracyjna',
  kind: 'decision',
  body: `# DECYZJA

Na podstawie art. 104 ${KPA} oraz {{fields.legal_basis}}, po rozpatrzeniu sprawy: {{case.title}}, z udziałem strony: {{party.name}}, {{party.address}},

# orzekam:

{{fields.ruling}}

# Uzasadnienie

{{fields.reasoning}}

# Pouczenie

Od niniejszej decyzji stronie przysługuje odwołanie do {{fields.appeal_body}}, za pośrednictwem organu, który wydał decyzję, w terminie 14 dni od dnia jej doręczenia (art. 127 § 1 i 2 oraz art. 129 § 1 i 2 KPA).

W trakcie biegu terminu do wniesienia odwołania strona może zrzec się prawa do wniesienia odwołania wobec organu, który wydał decyzję. Z dniem doręczenia temu organowi oświadczenia o zrzeczeniu się prawa do wniesienia odwołania przez ostatnią ze stron postępowania decyzja staje się ostateczna i prawomocna (art. 127a KPA).`,
};

const delayNotice: LetterTemplate = {
  code: 'delay_notice',
  name: 'Zawiadomienie o niezałatwieniu sprawy w terminie (art. 36 KPA)',
  kind: 'delay_notice',
  body: `# ZAWIADOMIENIE
# o niezałatwieniu sprawy w terminie

Na podstawie art. 36 § 1 ${KPA} zawiadamiam, że sprawa: {{case.title}} nie zostanie załatwiona w terminie do dnia {{extension.previous_due}}.

Przyczyna zwłoki: {{extension.reason}}.

Nowy termin załatwienia sprawy wyznaczam na dzień {{extension.new_due}}.

# Pouczenie

Zgodnie z art. 37 § 1 KPA stronie służy prawo do wniesienia ponaglenia, jeżeli nie załatwiono sprawy w terminie określonym w art. 35 KPA lub w przepisach szczególnych ani w terminie wskazanym zgodnie z art. 36 § 1 KPA (bezczynność) albo postępowanie jest prowadzone dłużej, niż jest to niezbędne do załatwienia sprawy (przewlekłość). Ponaglenie zawiera uzasadnienie.

Ponaglenie wnosi się do organu wyższego stopnia za pośrednictwem organu prowadzącego postępowanie (art. 37 § 3 pkt 1 KPA). Organ prowadzący postępowanie przekazuje ponaglenie organowi wyższego stopnia niezwłocznie, nie później niż w terminie 7 dni, a organ wyższego stopnia rozpatruje je w terminie 7 dni od dnia jego otrzymania (art. 37 KPA).

# Otrzymują

{{parties.list}}`,
};

const completionRequest: LetterTemplate = {
  code: 'completion_request',
  name: 'Wezwanie do usunięcia braków formalnych wniosku (art. 64 § 2 KPA)',
  kind: 'letter',
  body: `# WEZWANIE

Na podstawie art. 64 § 2 ${KPA}, w związku z wnioskiem, który wpłynął do urzędu dnia {{incoming.received_on}}, w sprawie: {{case.title}}, wzywam do usunięcia następujących braków formalnych wniosku:

{{fields.gaps}}

Braki należy usunąć w terminie 7 dni od dnia doręczenia niniejszego wezwania, składając pismo w siedzibie urzędu, przesyłając je pocztą lub na adres do doręczeń elektronicznych urzędu. Pismo należy opatrzyć znakiem sprawy: {{case.signature}}.

# Pouczenie

Nieusunięcie braków w wyznaczonym terminie spowoduje pozostawienie wniosku bez rozpoznania (art. 64 § 2 KPA). Termin załatwienia sprawy biegnie od dnia usunięcia braków.`,
};

const certificate: LetterTemplate = {
  code: 'certificate',
  name: 'Zaświadczenie',
  kind: 'certificate',
  body: `# ZAŚWIADCZENIE

Na podstawie art. 217 ${KPA}, na wniosek, który wpłynął do urzędu dnia {{incoming.received_on}}, złożony przez: {{party.name}}, {{party.address}},

# zaświadcza się, że:

{{fields.statement}}

Zaświadczenie wydaje się w celu: {{fields.purpose}}.

Opłata skarbowa: {{fields.fee}}.`,
};

export const DEFAULT_TEMPLATES: readonly LetterTemplate[] = [
  letter,
  decision,
  delayNotice,
  completionRequest,
  certificate,
];

/** What `documents.template_id` holds for a built-in template (office rows use their uuid). */
export const defaultTemplateId = (code: string) => `default.${code}`;
