import { exampleSetup } from 'prosemirror-example-setup';
import { DOMSerializer, Schema } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-menu/style/menu.css';
import 'prosemirror-example-setup/style/style.css';
import { expose } from './api';

const schema = new Schema({ nodes: basic.spec.nodes, marks: basic.spec.marks });
const view = new EditorView(document.querySelector('#reply .editor'), {
  state: EditorState.create({ schema, plugins: exampleSetup({ schema }) }),
});
function html(): string {
  const div = document.createElement('div');
  div.appendChild(DOMSerializer.fromSchema(schema).serializeFragment(view.state.doc.content));
  return div.innerHTML;
}
const text = () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n', (node) => (node.type.name === 'hard_break' ? '\n' : ''));
expose({ name: 'prosemirror', text, html });
