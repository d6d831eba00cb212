import { App } from '@/entrypoints/sidepanel/App';
import { byTestId, click, flush, render } from '../components/render';
import { fakeApi, ticketState } from './fake-api';

/** The side panel on a read ticket, with a fake panel api, switched to its Settings view. */
export async function openSettings() {
  const { api } = fakeApi(ticketState());
  const c = await render(<App api={api} />);
  await flush();
  await click(byTestId(c, 'open-settings'));
  await flush();
  return { api, c };
}
