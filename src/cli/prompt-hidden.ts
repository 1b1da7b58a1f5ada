/** Reads a line from the terminal without echoing it (passwords). Ctrl-C / Ctrl-D reject with CancelledError. */
import { CancelledError } from '../core/errors.js';
import { safeText } from '../output/terminal-text.js';

export function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    const output = process.stderr;
    if (!input.isTTY) {
      reject(new Error('no terminal to ask for a password on'));
      return;
    }
    // Echo goes off before the prompt is shown: a password typed (or pasted) the moment the prompt
    // appears must never be echoed by the terminal, even if this process is descheduled in between.
    const wasRaw = input.isRaw;
    input.setRawMode(true);
    output.write(safeText(prompt)); // 'Password for user NAME:' quotes a name from outside
    input.resume();
    let value = '';
    const done = (err?: Error) => {
      input.setRawMode(wasRaw);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      const chars = [...chunk.toString('utf8')];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        if (ch === '\r' || ch === '\n') {
          // what was typed after the Enter (the next answer, typed ahead) is read by whoever reads next
          const rest = chars.slice(i + 1).join('');
          done();
          if (rest !== '') input.unshift(Buffer.from(rest, 'utf8'));
          return;
        }
        if (ch === '\u0003') return done(new CancelledError('password entry cancelled'));
        if (ch === '\u0004' && value === '') return done(new CancelledError('password entry cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch === '\u0015') value = '';
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}
