/** A multipart/form-data body with one file field named "file", as a browser sends it. */
export function multipart(
  filename: string,
  data: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----thidua' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
