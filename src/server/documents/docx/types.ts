/** The shape of an official document (Decree 30/2020/NĐ-CP), independent of the .docx writer. */

export interface Signer {
  /** "KT. TRƯỞNG BAN", "TM. KHỐI THI ĐUA"; absent when the head signs in person. */
  authority?: string | null;
  /** "PHÓ TRƯỞNG BAN". */
  title: string;
  /** "Bùi Ngọc Hải"; shown in bold. Empty leaves the line for a handwritten name. */
  name: string;
  /** A small italic line in the signature's room ("Đã ký trên ThiĐua lúc …"). */
  note?: string | null;
}

export interface OfficialDocument {
  /** "UBND THÀNH PHỐ HẢI PHÒNG" */
  governingBody: string;
  /** "KHỐI THI ĐUA CÁC CƠ QUAN QUẢN LÝ KINH TẾ THÀNH PHỐ" */
  issuingBody: string;
  /** "1192/KH-KTĐ" → "Số: 1192/KH-KTĐ"; null leaves the number blank for the clerk. */
  docNumber?: string | null;
  /** "Hải Phòng" */
  place: string;
  /** Shown in Vietnam time as "ngày 20 tháng 3 năm 2024"; null leaves it blank. */
  date?: Date | null;
  /** "KẾ HOẠCH" */
  docType: string;
  /** The trích yếu; "\n" starts a new centred line. */
  subject?: string | null;
  blocks: Block[];
  signer: Signer;
  recipients: string[];
  /** Every party's signer block, two per row, in place of the recipients and the one signer (a covenant). */
  signers?: Signer[];
  landscape?: boolean;
  /** Annexes after the signature, each from a new page: "Phụ lục 1" at the right, its title centred, its body. */
  annexes?: { label: string; title: string; blocks: Block[] }[];
}

/** A table cell: plain text, or text with emphasis and an optional small italic line beneath. */
export type Cell = string | { text: string; bold?: boolean; italic?: boolean; note?: string | null };

export interface Column {
  header: string;
  /** Relative width (any unit); columns without one share equally. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  /** I. … bold; 1. … bold; 1.1 … bold italic. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Justified, first-line indent 1 cm, 6 pt after (unless centred or left-aligned). */
  | {
      kind: 'paragraph';
      text: string;
      italic?: boolean;
      bold?: boolean;
      align?: 'left' | 'center' | 'justify';
    }
  /** "- item" paragraphs, as in the seed plan. */
  | { kind: 'bullets'; items: string[] }
  | {
      kind: 'table';
      columns: Column[];
      rows: Cell[][];
      /** Points; 12 by default. */
      fontSize?: number;
      /**
       * An optional header row above the column headers: consecutive groups covering every column. A
       * group of one column with no header of its own merges that column's header over both rows.
       */
      groups?: { header?: string; span: number }[];
    }
  /** A small italic paragraph (e.g. which missing-sheet rule applied). */
  | { kind: 'note'; text: string };
