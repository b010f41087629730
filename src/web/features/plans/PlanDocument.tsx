import { Fragment } from 'react';
import { Typography } from 'antd';
import { nameCase } from '../../../domain/text';
import type { TPlanContent } from '../../../shared/plans';
import { useT } from '../../i18n/context';
import { Deadline } from '../../components/Deadline';
import { roman } from '../../lib/deadline';
import './plans.css';

interface Props {
  content: TPlanContent;
  year: number;
  blocName: string;
  governingBody: string | null;
}

const Bullets = ({ items }: { items: string[] }) => (
  <ul className="plan-doc-bullets">
    {items.map((text, i) => (
      <li key={i}>{text}</li>
    ))}
  </ul>
);

/** "Hải Phòng, ngày 20 tháng 3 năm 2024" */
function placeDate(place: string, issueDate: string | null, t: ReturnType<typeof useT>): string {
  if (!issueDate) return `${place}, ${t('doc.dateBlank')}`;
  const [y, m, d] = issueDate.split('-').map(Number) as [number, number, number];
  return `${place}, ${t('doc.date', { day: String(d).padStart(2, '0'), month: m, year: y })}`;
}

/** The plan laid out like the official document (Decree 30/2020): header, body by sections, signer, recipients. */
export function PlanDocument({ content: c, year, blocName, governingBody }: Props) {
  const t = useT();
  const quarters = [1, 2, 3, 4].filter((q) => c.milestones.some((m) => m.quarter === q));
  const roles = [c.organization.head, c.organization.deputy, c.organization.members].filter(
    (r) => r.items.length > 0,
  );
  const n = c.scoring.title || c.scoring.paragraphs.length ? 2 : 1;
  return (
    <article className="plan-doc" data-testid="plan-document">
      <header className="plan-doc-head">
        <div className="plan-doc-issuer">
          {governingBody && <div className="plan-doc-governing">{governingBody.toUpperCase()}</div>}
          <div className="plan-doc-caps">{blocName.toUpperCase()}</div>
          <div className="plan-doc-rule" />
          <div>{t('doc.number', { number: c.docNumber || '…' })}</div>
        </div>
        <div className="plan-doc-motto">
          <div className="plan-doc-caps">{t('doc.nation')}</div>
          <div className="plan-doc-motto-line">{t('doc.motto')}</div>
          <div className="plan-doc-rule" />
          <div className="plan-doc-place">{placeDate(c.place, c.issueDate, t)}</div>
        </div>
      </header>
      <h2 className="plan-doc-type">{t('doc.type')}</h2>
      <div className="plan-doc-subject">
        {c.subject.split('\n').map((line, i) => (
          <div key={i}>{line}</div>
        ))}
      </div>
      {c.legalBases.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      {c.intro && <p>{c.intro}</p>}
      <h3>{t('doc.purposesRequirements')}</h3>
      <h4>{t('doc.purposes')}</h4>
      {c.purposes.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      <h4>{t('doc.requirements')}</h4>
      {c.requirements.map((text, i) => (
        <p key={i}>{text}</p>
      ))}
      {c.theme && (
        <p className="plan-doc-theme" data-testid="plan-theme">
          {t('doc.theme', { year })} <strong>“{c.theme}”</strong>
        </p>
      )}
      <h3>{t('doc.implementation')}</h3>
      {n === 2 && (
        <>
          <h4>1. {c.scoring.title}</h4>
          {c.scoring.paragraphs.map((p, i) =>
            p.kind === 'subheading' ? (
              <p key={i}>
                <strong>{p.text}</strong>
              </p>
            ) : p.kind === 'bullet' ? (
              <Bullets key={i} items={[p.text]} />
            ) : (
              <p key={i}>{p.text}</p>
            ),
          )}
          {c.scoring.formula && (
            <p className="plan-doc-formula" data-testid="plan-formula">
              {t('doc.formula')} <strong>{c.scoring.formula}</strong>
            </p>
          )}
        </>
      )}
      <h4>{t('doc.milestones', { n })}</h4>
      {quarters.map((q, k) => (
        <Fragment key={q}>
          <h5>{t('doc.quarter', { n, k: k + 1, quarter: roman(q), year })}</h5>
          <ul className="plan-doc-bullets">
            {c.milestones
              .filter((m) => m.quarter === q)
              .map((m) => (
                <li key={m.id} data-testid="plan-milestone">
                  {m.sentence}
                  <div className="plan-doc-meta">
                    <Typography.Text type="secondary">
                      {t('plan.responsible')}: {t(`party.${m.responsible}`)}
                    </Typography.Text>
                    {m.deadlineAt && <Deadline at={m.deadlineAt} compact />}
                  </div>
                </li>
              ))}
          </ul>
        </Fragment>
      ))}
      <h3>{t('doc.organization')}</h3>
      {roles.map((r, i) => (
        <Fragment key={i}>
          <h4>
            {i + 1}. {r.title}
          </h4>
          <Bullets items={r.items} />
        </Fragment>
      ))}
      <footer className="plan-doc-foot">
        <div className="plan-doc-recipients">
          <em>
            <strong>{t('doc.recipients')}</strong>
          </em>
          {c.recipients.map((r, i) => (
            <div key={i}>
              - {r}
              {i < c.recipients.length - 1 ? ';' : '.'}
            </div>
          ))}
        </div>
        <div className="plan-doc-signer" data-testid="plan-signer">
          {c.signer.authority && <div className="plan-doc-caps">{c.signer.authority}</div>}
          <div className="plan-doc-caps">{c.signer.title}</div>
          <div className="plan-doc-sign-space" />
          <div className="plan-doc-signer-name">{nameCase(c.signer.name)}</div>
        </div>
      </footer>
    </article>
  );
}
