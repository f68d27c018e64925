/**
 * XSS and spreadsheet-formula payloads (OWASP filter-evasion cheat sheet style) a commenter may
 * type on the public page: what must arrive stored literally, shown as text and exported as text.
 * Used by the server's side of the journey (test/server/consultations.test.ts) and the desk's.
 */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  "'';!--\"<XSS>=&{()}",
  '<a href="javascript:alert(1)">点我</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload=alert(1)>',
  '<style>body{display:none}</style>',
  '=HYPERLINK("http://evil.example/","点击")',
  "=cmd|' /C calc'!A0",
  "+SUM(1+1)*cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '</textarea><script>alert(1)</script>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '{{constructor.constructor("alert(1)")()}}',
] as const
