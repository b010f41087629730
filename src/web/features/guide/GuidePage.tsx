import { Card, Typography } from 'antd';
import { useLang } from '../../i18n/context';
import { guideEn } from './content.en';
import { guideVi } from './content.vi';
import { shotUrl } from './shots';
import type { GuideRole } from './types';
import './guide.css';

function RoleSection({ role, when, what }: { role: GuideRole; when: string; what: string }) {
  return (
    <Card id={`guide-${role.id}`} title={role.title} className="guide-role" data-testid="guide-role">
      <Typography.Paragraph>{role.who}</Typography.Paragraph>
      <dl className="guide-calendar" aria-label={`${when} — ${what}`}>
        {role.calendar.map((c) => (
          <div key={c.when}>
            <dt>{c.when}</dt>
            <dd>{c.what}</dd>
          </div>
        ))}
      </dl>
      <div className="guide-shots">
        {role.shots.map((s) => (
          <figure key={s.name}>
            <a href={shotUrl(s.name)} target="_blank" rel="noreferrer">
              <img src={shotUrl(s.name)} alt={s.caption} width={1440} height={900} loading="lazy" />
            </a>
            <figcaption>{s.caption}</figcaption>
          </figure>
        ))}
      </div>
    </Card>
  );
}

/** /guide — what each role does in which month, with screenshots the browser tests take; then the admin's page. */
export function GuidePage() {
  const { lang } = useLang();
  const g = lang === 'en' ? guideEn : guideVi;
  return (
    <div className="guide" data-testid="guide">
      <Typography.Title level={2} className="page-title">
        {g.title}
      </Typography.Title>
      <Typography.Paragraph>{g.intro}</Typography.Paragraph>
      <nav aria-label={g.contents} className="guide-contents">
        <Typography.Text strong>{g.contents}: </Typography.Text>
        {g.roles.map((r) => (
          <a key={r.id} href={`#guide-${r.id}`}>
            {r.title}
          </a>
        ))}
        <a href="#guide-admin">{g.adminTitle}</a>
      </nav>
      {g.roles.map((r) => (
        <RoleSection key={r.id} role={r} when={g.whenHeader} what={g.whatHeader} />
      ))}
      <Card id="guide-admin" title={g.adminTitle} className="guide-role" data-testid="guide-admin">
        {g.admin.map((a) => (
          <section key={a.title}>
            <Typography.Title level={5}>{a.title}</Typography.Title>
            <Typography.Paragraph>{a.text}</Typography.Paragraph>
            {a.code && <pre className="guide-code">{a.code}</pre>}
          </section>
        ))}
      </Card>
    </div>
  );
}
