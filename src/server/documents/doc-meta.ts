/** What every official document of a bloc carries besides its content. */
export interface DocMeta {
  governingBody: string;
  issuingBody: string;
  place: string;
  /** The bloc's signer: the head unit's leader for the bloc. */
  signer: { authority?: string | null; title: string; name: string };
  recipients: string[];
  /** The head unit of the year ("" when none is set): score sheets are sent to it. */
  headUnitName: string;
}

/** The "Nơi nhận" of a unit's score sheet: the head unit (a cross score is not sent to peers). */
export const sheetRecipients = (meta: DocMeta): string[] => [
  meta.headUnitName ? `${meta.headUnitName} (Trưởng khối)` : 'Trưởng khối',
];
