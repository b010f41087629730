import { Typography } from 'antd';

/** The covenant's text as people read it: title, paragraphs, numbered commitments. */
export function CovenantText({
  title,
  body,
  commitments,
  testId,
}: {
  title: string;
  body: string;
  commitments: string[];
  testId: string;
}) {
  return (
    <div data-testid={testId}>
      <Typography.Title level={4} style={{ textAlign: 'center' }}>
        {title}
      </Typography.Title>
      {body
        .split(/\n+/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
        ))}
      <ol>
        {commitments.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ol>
    </div>
  );
}
