import type { Guide } from './types';

/** The user guide in English: shorter than the Vietnamese one, the same roles and pictures. */
export const guideEn: Guide = {
  title: 'User guide',
  intro:
    'ThiĐua follows the bloc’s emulation year: in Q1 the plan is published, units register for titles and sign the covenant; mid-year reports by early June; in Q4 year-end reports and score sheets, the review, the ballots and the proposal to the city Council. Every task has a deadline and reminders (bell and e-mail). The demo has 2024 finished and the current year in progress; every demo account’s password is thidua-demo. Screens are shown in Vietnamese.',
  contents: 'Contents',
  whenHeader: 'When',
  whatHeader: 'What to do',
  roles: [
    {
      id: 'officer',
      title: 'Unit officer',
      who: 'Prepares the unit’s registration, reports and score sheets; the unit’s leader sends them.',
      calendar: [
        {
          when: 'Every day',
          what: 'The home page shows the next task and its deadline; the bell shows what is due or overdue.',
        },
        { when: 'March (Q1)', what: 'Draft the title registration (Registration page).' },
        { when: 'Before 7 June', what: 'Upload the mid-year report on its task (Tasks page).' },
        { when: 'October–November', what: 'Publish the unit’s exemplary models.' },
        {
          when: 'Before 8 December',
          what: 'Upload the year-end report; enter the self and cross score sheets as drafts (or submit them, when the round allows officers to).',
        },
      ],
      shots: [
        { name: 'login', caption: 'Sign-in: the demo lists its accounts.' },
        { name: 'officer-home', caption: 'Home: the unit’s next tasks and deadlines.' },
        { name: 'officer-tasks', caption: 'The unit’s tasks of the year: done, due soon, overdue.' },
        {
          name: 'officer-registration',
          caption: 'Title registration: choose from the catalogue, write the commitments.',
        },
      ],
    },
    {
      id: 'leader',
      title: 'Unit leader',
      who: 'What the leader sends stands for the unit’s signature.',
      calendar: [
        { when: 'March', what: 'Sign the covenant at the signing conference; send the registration.' },
        {
          when: 'Before 8 December',
          what: 'Check and submit the unit’s score sheets (only the head can reopen them, with a reason).',
        },
        {
          when: 'December',
          what: 'Vote in the secret ballots: the review of awards and the election of next year’s head and deputy (or delegate the vote to an officer).',
        },
      ],
      shots: [
        { name: 'leader-covenant', caption: 'The covenant and every unit’s signature.' },
        { name: 'leader-sheets', caption: 'The unit’s score sheets: self and cross scores.' },
        { name: 'leader-ballot', caption: 'A closed ballot: the published tally, no unit’s vote revealed.' },
      ],
    },
    {
      id: 'head',
      title: 'Head unit (its officer and leader)',
      who: 'Runs the bloc’s year: the officer prepares, the leader publishes, closes and opens.',
      calendar: [
        { when: 'January–February', what: 'Criteria score sheet; draft the year’s plan.' },
        {
          when: 'March',
          what: 'Publish the plan (every unit gets its tasks); publish the covenant and hold the signing conference; accept or return registrations and record the summary sent to the Council.',
        },
        {
          when: 'June–July',
          what: 'Follow the progress board, urge late units; compile the mid-year report.',
        },
        {
          when: 'November–December',
          what: 'Open, close and publish the year-end scoring round; draft the nominations (every change with a reason), hold the year-end conference (attendance, minutes) and the ballots, download the minutes, the letter and the dossier, and record when the proposal was sent to the Council.',
        },
      ],
      shots: [
        { name: 'head-plan', caption: 'The published plan.' },
        { name: 'head-board', caption: 'The progress board.' },
        { name: 'head-registrations', caption: 'The units’ registrations and the summary for the Council.' },
        { name: 'head-event', caption: 'The year-end conference: attendance and minutes.' },
        { name: 'head-results', caption: 'Published results.' },
      ],
    },
    {
      id: 'deputy',
      title: 'Deputy unit',
      who: 'Helps the head chase reports; scores like every unit.',
      calendar: [
        { when: 'All year', what: 'Follow the progress board and urge late units.' },
        {
          when: 'December',
          what: 'Follow who submitted score sheets; its leader decides on reopening the head unit’s own sheet.',
        },
      ],
      shots: [{ name: 'deputy-progress', caption: 'Scoring round progress.' }],
    },
    {
      id: 'board',
      title: 'City emulation board',
      who: 'Follows every bloc of the city.',
      calendar: [
        { when: 'Start of year', what: 'Update the year’s award catalogue.' },
        {
          when: 'All year',
          what: 'Read each bloc’s progress and results; decide on reopening sheets after publication.',
        },
      ],
      shots: [{ name: 'board-home', caption: 'The board’s home page.' }],
    },
    {
      id: 'admin',
      title: 'Administrator',
      who: 'Blocs, units, years (head and deputy) and accounts; audit log and outbox.',
      calendar: [
        { when: 'December–January', what: 'Create the new year; import units and accounts.' },
        { when: 'When needed', what: 'Reset passwords, disable accounts, back up the database.' },
      ],
      shots: [{ name: 'admin-years', caption: 'Emulation years: members, head and deputy.' }],
    },
  ],
  adminTitle: 'Installing and running (administrators)',
  admin: [
    {
      title: 'Install and try',
      text: 'Node.js 20.19 or later. An empty non-production database gets the demo: DEMO=living (default) or DEMO=seed.',
      code: 'npm ci && npm start\n# open http://localhost:3000',
    },
    {
      title: 'Configuration',
      text: 'PORT, HOST, PUBLIC_URL, DATA_DIR, DATABASE_URL, NODE_ENV, SESSION_TTL_HOURS, COOKIE_SECURE, TRUST_PROXY, LOG_LEVEL, DEMO, REMINDERS_ENABLED, REMINDER_OFFSETS_DAYS, PDF_CONCURRENCY, PDF_QUEUE_LENGTH, PDF_CACHE_MB, SQLITE_SYNCHRONOUS, PG_POOL_SIZE, PG_PREPARED_STATEMENTS (README).',
      code: 'NODE_ENV=production npx thidua create-admin --login quantri --full-name "Quản trị hệ thống"',
    },
    {
      title: 'Backup and restore (SQLite)',
      text: 'Data lives in DATA_DIR: thidua.sqlite and uploads/. `thidua backup` copies it consistently while the app runs; copy uploads/ too. Restore: stop the app, delete thidua.sqlite-wal and -shm, copy the backup over thidua.sqlite, put uploads/ back, start.',
      code: 'npx thidua backup [--to FILE]',
    },
    {
      title: 'PostgreSQL',
      text: 'Set DATABASE_URL; migrations run at start. Back up with pg_dump, restore with pg_restore, plus DATA_DIR/uploads/.',
      code: 'DATABASE_URL=postgres://user:password@127.0.0.1:5432/thidua npm start',
    },
    {
      title: 'E-mail',
      text: 'Set SMTP_HOST (SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS, SMTP_FROM). Without it, e-mails wait in the outbox; in-app notices still arrive.',
    },
  ],
};
