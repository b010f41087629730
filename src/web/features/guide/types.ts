import type { GuideShot } from './shots';

/** One role's part of the guide: who it is, what it does in which month, and screenshots of it. */
export interface GuideRole {
  id: string;
  title: string;
  who: string;
  calendar: { when: string; what: string }[];
  shots: { name: GuideShot; caption: string }[];
}

/** The guide in one language. */
export interface Guide {
  title: string;
  intro: string;
  contents: string;
  whenHeader: string;
  whatHeader: string;
  roles: GuideRole[];
  adminTitle: string;
  admin: { title: string; text: string; code?: string }[];
}
