/** What every official document of a bloc carries besides its content. */
export interface DocMeta {
  governingBody: string;
  issuingBody: string;
  place: string;
  signer: { authority?: string | null; title: string; name: string };
  recipients: string[];
}
