/**
 * Reading a criteria score sheet as provinces circulate it (Excel or CSV): title rows above the header,
 * the header found by its column names on any of the first rows, codes I/II for sections, 1/2 for
 * criteria, a)/b) or 1.1/2.1 for sub-criteria, extra columns ignored, a "Tổng cộng" row read as a check.
 * Section kinds (bonus, deduction) are recognised only by whole phrases, never by fragments of words.
 * Every problem is reported by the row and the column the user sees. Pure: rows of text in, tree out.
 */
import { grandMax, validateTree, type CriterionKind, type CriterionNode } from './criteria';
import { parsePoints } from './points';
import { hasPhrase, words } from './text';

/** One non-empty row of the sheet as text cells, numbered as the user sees it. */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** A problem with the row and the column (its header as written, and its letter) the user can find. */
export interface ImportIssue {
  row: number;
  column: string | null;
  columnLetter: string | null;
  message: string;
}

export interface CriteriaImport {
  tree: CriterionNode[];
  errors: ImportIssue[];
  /** Rows skipped on purpose (notes, signatures), said in the preview. */
  warnings: ImportIssue[];
  headerRow: number | null;
}

/** How many rows from the top the header may be found on (title rows come first). */
export const HEADER_SEARCH_ROWS = 15;
export const MAX_DEPTH = 4;

const COLUMNS = {
  code: ['stt', 'tt', 'so thu tu', 'so tt', 'ma', 'muc'],
  text: [
    'noi dung tieu chi',
    'noi dung',
    'tieu chi',
    'noi dung cham diem',
    'tieu chi thi dua',
    'noi dung thi dua',
  ],
  max: ['diem toi da', 'diem chuan', 'thang diem', 'so diem toi da', 'diem toi da duoc cham', 'khung diem'],
  guidance: ['huong dan cham', 'huong dan', 'cach cham', 'phuong phap cham', 'huong dan cham diem'],
  kind: ['loai', 'loai tieu chi'],
  step: ['buoc cham', 'buoc diem'],
} as const;
type Field = keyof typeof COLUMNS;

const BONUS_PHRASES = [
  'diem cong',
  'diem thuong',
  'cong diem',
  'thuong diem',
  'cac noi dung cong diem',
  'cac noi dung duoc cong diem',
  'tieu chi cong diem',
  'diem khuyen khich',
  'bonus',
];
const DEDUCTION_PHRASES = [
  'diem tru',
  'tru diem',
  'cac noi dung tru diem',
  'cac noi dung bi tru diem',
  'tieu chi tru diem',
  'deduction',
];
/** What a "Loại" column may say; empty or "tiêu chí" means the parent's kind (normal for a section). */
const EXPLICIT_KINDS: Record<string, Exclude<CriterionKind, 'normal'> | null> = {
  'diem thuong': 'bonus',
  thuong: 'bonus',
  'diem cong': 'bonus',
  cong: 'bonus',
  bonus: 'bonus',
  'diem tru': 'deduction',
  tru: 'deduction',
  deduction: 'deduction',
  'tieu chi': null,
  'binh thuong': null,
  normal: null,
};
const TOTAL_TEXTS = ['tong cong', 'cong', 'tong', 'tong diem', 'tong so diem', 'tong cong diem'];

/** The kind a whole phrase names in a text ("II. Điểm thưởng" → bonus), else null. */
export function kindFromPhrase(text: string): Exclude<CriterionKind, 'normal'> | null {
  if (DEDUCTION_PHRASES.some((p) => hasPhrase(text, p))) return 'deduction';
  if (BONUS_PHRASES.some((p) => hasPhrase(text, p))) return 'bonus';
  return null;
}

const columnLetter = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

interface Header {
  row: number;
  index: Record<Field, number>;
  names: string[];
}

/** The header: the first row (of the top rows) that names the STT, content and maximum columns. */
function findHeader(rows: readonly SheetRow[]): Header | null {
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const norm = r.cells.map((c) => words(c.replace(/\([^)]*\)/g, '')));
    const find = (field: Field) => norm.findIndex((h) => (COLUMNS[field] as readonly string[]).includes(h));
    const index = Object.fromEntries((Object.keys(COLUMNS) as Field[]).map((f) => [f, find(f)])) as Record<
      Field,
      number
    >;
    if (index.code >= 0 && index.text >= 0 && index.max >= 0) return { row: r.row, index, names: r.cells };
  }
  return null;
}

type CodeShape = { level: 1 } | { level: 2; n: string } | { level: 3 | 4; prefix: string } | { letter: true };

/** What a code says about its place: I/A → section; 1 → criterion; 1.1 → sub; a → under the last number. */
function codeShape(raw: string): CodeShape | null {
  const code = raw
    .trim()
    .replace(/^\(/, '')
    .replace(/[.)]+$/, '')
    .trim();
  if (/^[IVXLC]+$/.test(code) || /^[A-HJ-UWYZ]$/.test(code)) return { level: 1 };
  if (/^\d{1,3}$/.test(code)) return { level: 2, n: code };
  const dotted = /^(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?$/.exec(code);
  if (dotted) {
    return dotted[3] ? { level: 4, prefix: `${dotted[1]}.${dotted[2]}` } : { level: 3, prefix: dotted[1]! };
  }
  if (/^[a-zđ]$/.test(code)) return { letter: true };
  return null;
}

/** "10", "10 điểm", "-5" (a deduction written negative), "2,5" → hundredths; null when unreadable. */
function readPoints(text: string): number | null {
  const t = text.replace(/\s*(điểm|đ)\.?$/i, '').trim();
  const v = parsePoints(t);
  return v === null ? null : Math.abs(v);
}

const defaultStep = (max: number): number => (max % 50 === 0 ? 50 : max % 25 === 0 ? 25 : 1);

/** Reads the rows of a criteria sheet into a tree, with every problem by row and column. */
export function parseCriteriaSheet(rows: readonly SheetRow[]): CriteriaImport {
  const header = findHeader(rows);
  if (!header) {
    const message = `Không tìm thấy dòng tiêu đề bảng trong ${HEADER_SEARCH_ROWS} dòng đầu: cần các cột "STT", "Nội dung tiêu chí" và "Điểm tối đa"`;
    return {
      tree: [],
      errors: [{ row: 1, column: null, columnLetter: null, message }],
      warnings: [],
      headerRow: null,
    };
  }
  return new SheetReader(header).read(rows.filter((r) => r.row > header.row));
}

interface Pending {
  node: CriterionNode;
  row: number;
  level: number;
  /** The max cell was empty: a parent's maximum is then the sum of its children's. */
  maxFromChildren: boolean;
}

class SheetReader {
  private readonly errors: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  private readonly tree: CriterionNode[] = [];
  private readonly open: Pending[] = [];
  private readonly all: Pending[] = [];
  private seq = 0;

  constructor(private readonly header: Header) {}

  private issue(list: ImportIssue[], row: number, field: Field | null, message: string): void {
    const i = field === null ? -1 : this.header.index[field];
    const column = i >= 0 ? (this.header.names[i] ?? '').replace(/\s+/g, ' ').trim() : null;
    list.push({ row, column, columnLetter: i >= 0 ? columnLetter(i) : null, message });
  }

  read(rows: readonly SheetRow[]): CriteriaImport {
    for (const r of rows) {
      if (this.readRow(r) === 'stop') break;
    }
    for (const p of this.all) {
      if (p.maxFromChildren) p.node.maxPoints = p.node.children.reduce((s, c) => s + c.maxPoints, 0);
    }
    this.checkTree();
    return { tree: this.tree, errors: this.errors, warnings: this.warnings, headerRow: this.header.row };
  }

  private cell(r: SheetRow, field: Field): string {
    const i = this.header.index[field];
    return i >= 0 ? (r.cells[i] ?? '').trim() : '';
  }

  private readRow(r: SheetRow): 'stop' | void {
    const code = this.cell(r, 'code');
    const text = this.cell(r, 'text');
    const maxText = this.cell(r, 'max');
    if (!code && TOTAL_TEXTS.includes(words(text))) {
      this.checkTotal(r, maxText);
      return 'stop';
    }
    if (!code && !maxText) {
      if (text) {
        this.issue(
          this.warnings,
          r.row,
          null,
          `Bỏ qua dòng không có STT và điểm tối đa: "${text.slice(0, 60)}"`,
        );
      }
      return;
    }
    if (!code) return this.issue(this.errors, r.row, 'code', 'STT: thiếu số thứ tự của tiêu chí');
    const shape = codeShape(code);
    if (!shape) {
      return this.issue(
        this.errors,
        r.row,
        'code',
        `STT: "${code}" không phải I, II…; 1, 2…; 1.1…; hoặc a), b)…`,
      );
    }
    const level = this.levelOf(shape, r.row, code);
    if (level === null) return;
    this.addNode(r, code, text, maxText, level);
  }

  /** The level of a row, checking that it sits under a row of the level above. */
  private levelOf(shape: CodeShape, row: number, code: string): number | null {
    const at = (level: number) => this.open[level - 1];
    let level: number;
    if ('letter' in shape) {
      const numeric = [3, 2].find((l) => at(l) && !/^[a-zđ]$/.test(at(l)!.node.code));
      level = numeric ? numeric + 1 : 0;
    } else level = shape.level;
    if (level === 0 || (level > 1 && !at(level - 1))) {
      this.issue(this.errors, row, 'code', `STT: mục "${code}" không nằm dưới một mục cấp trên`);
      return null;
    }
    if (level > MAX_DEPTH) {
      this.issue(this.errors, row, 'code', `STT: mục "${code}" sâu quá ${MAX_DEPTH} cấp`);
      return null;
    }
    if ('prefix' in shape && at(level - 1)!.node.code.replace(/[.)]+$/, '') !== shape.prefix) {
      const parent = at(level - 1)!.node.code;
      this.issue(
        this.errors,
        row,
        'code',
        `STT: mục "${code}" nằm dưới mục "${parent}", không phải mục "${shape.prefix}"`,
      );
      return null;
    }
    return level;
  }

  private addNode(r: SheetRow, rawCode: string, text: string, maxText: string, level: number): void {
    const parent = level > 1 ? this.open[level - 2]! : null;
    const code = rawCode
      .trim()
      .replace(/^\(/, '')
      .replace(/[.)]+$/, '');
    const kind = this.kindOf(r, text, level, parent);
    let maxPoints = maxText ? readPoints(maxText) : null;
    if (maxText && (maxPoints === null || maxPoints <= 0)) {
      this.issue(
        this.errors,
        r.row,
        'max',
        `Điểm tối đa: "${maxText}" phải là số lớn hơn 0, tối đa 2 chữ số thập phân`,
      );
      maxPoints = 0;
    }
    const stepText = this.cell(r, 'step');
    const step = stepText ? readPoints(stepText) : null;
    if (stepText && (step === null || step <= 0)) {
      this.issue(this.errors, r.row, 'step', `Bước chấm: "${stepText}" phải là số lớn hơn 0`);
    }
    if (!text) this.issue(this.errors, r.row, 'text', 'Nội dung tiêu chí: là bắt buộc');
    const node: CriterionNode = {
      id: `c${++this.seq}`,
      code,
      text,
      kind,
      maxPoints: maxPoints ?? 0,
      step: step || defaultStep(maxPoints ?? 50),
      guidance: this.cell(r, 'guidance') || null,
      children: [],
    };
    const pending = { node, row: r.row, level, maxFromChildren: !maxText };
    (parent ? parent.node.children : this.tree).push(node);
    this.open[level - 1] = pending;
    this.open.length = level;
    this.all.push(pending);
  }

  /** Explicit "Loại" column first; a section by whole phrases of its title; otherwise the parent's kind. */
  private kindOf(r: SheetRow, text: string, level: number, parent: Pending | null): CriterionKind {
    const explicit = words(this.cell(r, 'kind'));
    if (explicit) {
      const k = EXPLICIT_KINDS[explicit];
      if (k) return k;
      if (!(explicit in EXPLICIT_KINDS)) {
        this.issue(
          this.errors,
          r.row,
          'kind',
          `Loại: "${this.cell(r, 'kind')}" không phải "Điểm thưởng", "Điểm trừ" hoặc để trống`,
        );
      }
    }
    if (level === 1) return kindFromPhrase(text) ?? 'normal';
    return parent?.node.kind ?? 'normal';
  }

  private checkTotal(r: SheetRow, maxText: string): void {
    if (!maxText) return;
    const total = readPoints(maxText);
    const all = grandMax(this.tree);
    const normal = this.tree.filter((n) => n.kind === 'normal').reduce((s, n) => s + n.maxPoints, 0);
    if (total === null) {
      this.issue(this.errors, r.row, 'max', `Tổng cộng: "${maxText}" không phải là số`);
    } else if (total !== all && total !== normal) {
      this.issue(
        this.errors,
        r.row,
        'max',
        `Tổng cộng: ${pts(total)} khác tổng điểm tối đa các mục (${pts(normal)}${all !== normal ? `, hoặc ${pts(all)} kể cả điểm thưởng` : ''})`,
      );
    }
  }

  /** The tree's own rules (steps, maxima, kinds, children's maxima), each reported on its row. */
  private checkTree(): void {
    if (this.errors.length) return; // the rows' own errors first: a wrong maximum would be reported twice
    const rowOf = new Map(this.all.map((p) => [p.node.id, p.row]));
    for (const issue of validateTree(this.tree)) {
      const field: Field = /điểm tối đa|bước chấm/.test(issue.message)
        ? 'max'
        : /loại/.test(issue.message)
          ? 'kind'
          : 'code';
      this.issue(this.errors, rowOf.get(issue.criterionId) ?? 1, field, issue.message);
    }
  }
}

const pts = (h: number) => (h / 100).toString().replace('.', ',');
