import { renderMarkdown } from '@/knowledge/render-markdown';

export { renderMarkdown };

/** An entry body, rendered by the same function import and insert use (knowledge/render-markdown.ts). */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={className ?? 'markdown'} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
