/**
 * The key in the extension's session storage that the worker rewrites whenever the knowledge
 * entries change (a load, an import, an edit in any view). Every open view (side panel, sidebar,
 * panel tab, dashboard) listens to storage changes and asks for the knowledge status again, so a
 * load in one view shows in all of them without reopening any.
 */
export const KNOWLEDGE_CHANGED_KEY = 'knowledgeChangedAt';
