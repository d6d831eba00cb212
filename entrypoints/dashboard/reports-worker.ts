// A Web Worker of the dashboard page: reads the events and computes the reports off the page's
// thread, so the page stays responsive (and shows progress) while 1M events are read and counted.
import { openKnowledgeDb } from '@/knowledge/store/db';
import { storeReportsEngine } from './report-engine';
import { answerRequest, type EngineRequest } from './reports-protocol';

const engine = storeReportsEngine(openKnowledgeDb());
self.onmessage = (e: MessageEvent<EngineRequest>) => {
  void answerRequest(engine, e.data, (reply) => self.postMessage(reply));
};
