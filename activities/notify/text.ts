import type { Block, NoticeContent } from './content';

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'list':
      return b.items.map((u, i) => `  ${b.ordered ? `${i + 1}.` : '-'} ${u}`).join('\n');
    case 'quote':
      return `${b.label}:\n${b.text.split(/\r?\n/).map((l) => `  > ${l}`).join('\n')}`;
  }
}

/** The plain-text part: the same content as the HTML, in the same order, values unescaped. */
export function renderText(c: NoticeContent): string {
  const blocks = [`${c.sender}\n${c.heading.toLocaleUpperCase(c.locale)}`, c.greeting, ...c.body.map(block)];
  if (c.facts.length > 0) blocks.push(c.facts.map((f) => `- ${f.label}: ${f.value}`).join('\n'));
  if (c.action) blocks.push(`${c.action.label}:\n${c.action.url}`);
  blocks.push(c.closing.join('\n'));
  blocks.push(['--', ...c.footer].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
