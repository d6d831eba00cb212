/**
 * JSON.parse with a location a person can find: `line 3, column 7: expected , or } after a value`.
 * JSON.parse does the parsing; when it fails, a small scanner finds where and why,
 * since V8's messages do not always give a position.
 */
export type JsonParsed = { ok: true; value: unknown } | { ok: false; line: number; column: number; message: string };

export function parseJson(text: string): JsonParsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const { offset, message } = locateJsonError(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { ok: false, line, column, message };
  }
}

interface Located {
  offset: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = /[ \t\n\r]*/y;

export function locateJsonError(text: string): Located {
  const stack: string[] = [];
  let i = 0;
  const ws = (): void => {
    WS.lastIndex = i;
    WS.exec(text);
    i = WS.lastIndex;
  };
  const fail = (message: string): Located =>
    i >= text.length ? { offset: text.length, message: 'the file ends too early (a closing }, ] or " is missing)' } : { offset: i, message };

  let expect: 'value' | 'after' | 'key' = 'value';
  for (;;) {
    ws();
    const c = text[i];
    if (expect === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
      } else if (c === '"') {
        const err = scanString();
        if (err) return err;
        expect = 'after';
      } else if (/[-\d]/.test(c ?? '')) {
        NUMBER.lastIndex = i;
        if (!NUMBER.exec(text)) return fail('is not a valid number');
        i = NUMBER.lastIndex;
        expect = 'after';
      } else {
        const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (!word) return fail(`expected a value (text in double quotes, a number, true, false, null, { or [) but found ${shown(c)}`);
        i += word.length;
        expect = 'after';
      }
    } else if (expect === 'key') {
      if (c !== '"') return fail(`expected a property name in double quotes but found ${shown(c)}`);
      const err = scanString();
      if (err) return err;
      ws();
      if (text[i] !== ':') return fail(`expected : after the property name but found ${shown(text[i])}`);
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i < text.length ? fail(`unexpected ${shown(c)} after the end of the JSON value`) : { offset: i, message: 'is not valid JSON' };
      }
      const close = top === '{' ? '}' : ']';
      if (c === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
        if (top === '{') {
          ws();
          if (text[i] === '}') return fail('has a comma before } (remove the trailing comma)');
        }
      } else if (c === close) {
        stack.pop();
        i++;
      } else return fail(`expected , or ${close} after a value but found ${shown(c)}`);
    }
  }

  function scanString(): Located | undefined {
    i++;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return undefined;
      }
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !/["\\/bfnrt]/.test(esc ?? '')) {
          i++;
          return fail('has an invalid escape (\\) inside text in double quotes');
        }
        i += esc === 'u' ? 6 : 2;
      } else if (ch < ' ') {
        return fail('has a line break or control character inside text in double quotes');
      } else i++;
    }
    return fail('text in double quotes is not closed');
  }
}

function shown(c: string | undefined): string {
  return c === undefined ? 'the end of the file' : JSON.stringify(c);
}
