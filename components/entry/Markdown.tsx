import { renderMarkdown as render } from '@/knowledge/render';

/** The answer as safe HTML (knowledge/render.ts): for display here and for rich editors on insert. */
export function renderMarkdown(source: string): string {
  return render(source, window);
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={className ?? 'markdown'} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
