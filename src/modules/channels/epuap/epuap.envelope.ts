import { z } from 'zod';

/**
 * The ePUAP mailbox (skrytka) protocol as the gateway uses it, modelled on the pull and delivery
 * services (OczekujaceDokumenty/PobierzNastepny/PotwierdzOdebranie, Doręczyciel) carried as JSON
 * over HTTP. The simulator serves exactly these shapes.
 */
export const epuapPageSchema = z.object({
  dokumenty: z.array(z.object({ identyfikator: z.string().min(1).max(200) })),
  kursor: z.string().nullable(),
});

const fileSchema = z.object({
  nazwaPliku: z.string().min(1).max(255),
  typPliku: z.string().max(200).optional(),
  zawartosc: z.string(),
});

/** One document taken from the box: what PobierzNastepny returns, with the UPP of the submission. */
export const epuapEnvelopeSchema = z.object({
  identyfikator: z.string().min(1),
  adresSkrytki: z.string(),
  adresOdpowiedzi: z.string().optional(),
  dataNadania: z.string(),
  daneNadawcy: z
    .object({ uzytkownik: z.string().optional(), system: z.string().optional() })
    .optional(),
  danePodmiotu: z
    .object({
      identyfikator: z.string().optional(),
      typOsoby: z.string().optional(),
      imieSkrot: z.string().optional(),
      nazwiskoNazwa: z.string().optional(),
      pesel: z.string().optional(),
    })
    .optional(),
  dokument: fileSchema,
  upp: fileSchema,
});
export type EpuapEnvelope = z.infer<typeof epuapEnvelopeSchema>;

export const epuapSendSchema = z.object({
  adresSkrytki: z.string().min(1),
  adresOdpowiedzi: z.string().min(1),
  nazwaAdresata: z.string(),
  identyfikatorDokumentu: z.string(),
  identyfikatorSprawy: z.string().optional(),
  tytul: z.string(),
  dokumenty: z.array(fileSchema).min(1),
});
export type EpuapSendRequest = z.infer<typeof epuapSendSchema>;

export const epuapSentSchema = z.object({
  identyfikator: z.string().min(1),
  dataNadania: z.string(),
});

export const epuapUpdSchema = z.union([
  z.object({ status: z.literal('oczekuje') }),
  z.object({ status: z.literal('doreczono'), upd: fileSchema }),
]);
