/** A real 16,000-row table (a 政府信息公开 register): must be kept whole, and saved fast. */
export function bigTable(rows = 16_000): string {
  const out: string[] = ['<table><tbody>']
  for (let i = 0; i < rows; i++) {
    out.push(
      `<tr><td>${i + 1}</td><td>区政务公开办第${i + 1}号</td><td>2026-01-${String((i % 28) + 1).padStart(2, '0')}</td><td>主动公开</td></tr>`,
    )
  }
  out.push('</tbody></table>')
  return out.join('')
}
