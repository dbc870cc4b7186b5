import { describe, expect, it } from 'vitest';
import { parseOperation } from '../../../src/main/privileged/contract/operations';
import { errorReply, errorSentence, type Frame, LineSplitter, MAX_REQUEST_LINE, parseRequest, replySchema } from '../../../src/main/privileged/helper/message-framing';

const lines = (frames: Frame[]) => frames.map((f) => (f.kind === 'line' ? f.line.toString('utf8') : `<oversized ${f.limit}>`));
const b = (text: string) => Buffer.from(text, 'utf8');

describe('LineSplitter', () => {
  it('joins a line split over several chunks, even inside a UTF-8 character', () => {
    const splitter = new LineSplitter();
    const bytes = b('{"op":"é"}\n');
    expect(splitter.push(bytes.subarray(0, 3))).toEqual([]);
    expect(splitter.push(bytes.subarray(3, 8))).toEqual([]); // "é" is cut in two here
    expect(lines(splitter.push(bytes.subarray(8)))).toEqual(['{"op":"é"}']);
    expect(splitter.pending).toBe(0);
  });

  it('returns every line of a chunk, keeps the unfinished rest, and passes empty lines on', () => {
    const splitter = new LineSplitter();
    expect(lines(splitter.push(b('a\nbb\n\nccc')))).toEqual(['a', 'bb', '']);
    expect(splitter.pending).toBe(3);
    expect(lines(splitter.push(b('\n')))).toEqual(['ccc']);
  });

  it('accepts a line of exactly the limit', () => {
    const splitter = new LineSplitter(8);
    expect(lines(splitter.push(b('12345678\n')))).toEqual(['12345678']);
  });

  it('reports an oversized line once, keeps no more than the limit, and resumes after its newline', () => {
    const splitter = new LineSplitter(8);
    expect(lines(splitter.push(b('ok\n12345')))).toEqual(['ok']);
    expect(lines(splitter.push(b('6789')))).toEqual(['<oversized 8>']);
    expect(splitter.pending).toBe(0);
    // A megabyte more of the same line: nothing held, nothing reported again.
    for (let i = 0; i < 16; i++) expect(splitter.push(Buffer.alloc(65536, 0x41))).toEqual([]);
    expect(splitter.pending).toBe(0);
    expect(lines(splitter.push(b('still the bad line\nnext\n')))).toEqual(['next']);
  });

  it('reports an oversized line that arrives in one chunk with its newline', () => {
    const splitter = new LineSplitter();
    const chunk = Buffer.concat([Buffer.alloc(MAX_REQUEST_LINE + 1, 0x20), b('\n{"x":1}\n')]);
    expect(lines(splitter.push(chunk))).toEqual([`<oversized ${MAX_REQUEST_LINE}>`, '{"x":1}']);
  });
});

describe('parseRequest', () => {
  const parse = (text: string) => parseRequest(b(text));

  it('accepts a well-formed request with a number or a short string id', () => {
    expect(parse('{"id":7,"op":"helper.status","args":{}}')).toEqual({ ok: true, request: { id: 7, op: 'helper.status', args: {} } });
    expect(parse('{"id":"a-1","op":"x","args":{"k":[1]}}')).toMatchObject({ ok: true, request: { id: 'a-1', op: 'x' } });
  });

  it('refuses bytes that are not UTF-8, empty lines and broken JSON, without an id', () => {
    expect(parseRequest(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({ ok: false, id: null, error: 'the message is not UTF-8 text' });
    expect(parse('   ')).toEqual({ ok: false, id: null, error: 'the message is empty' });
    expect(parse('{"id":1,"op":"helper.status","args":{}')).toEqual({ ok: false, id: null, error: 'the message is not valid JSON' });
    expect(parse("{'id':1}")).toMatchObject({ ok: false, id: null });
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['null', '42', '"helper.status"', '[{"id":1,"op":"helper.status","args":{}}]', 'true']) {
      expect(parse(text)).toMatchObject({ ok: false, id: null, error: expect.stringMatching(/must be a JSON object/) });
    }
  });

  it('refuses wrong shapes, naming the field and keeping a usable id', () => {
    expect(parse('{"id":3,"args":{}}')).toMatchObject({ ok: false, id: 3, error: expect.stringMatching(/^malformed request \(op: /) });
    expect(parse('{"id":3,"op":"helper.status"}')).toMatchObject({ ok: false, id: 3, error: expect.stringMatching(/args/) });
    expect(parse('{"id":3,"op":"helper.status","args":[]}')).toMatchObject({ ok: false, id: 3, error: expect.stringMatching(/args must be a JSON object/) });
    expect(parse('{"id":3,"op":"helper.status","args":null}')).toMatchObject({ ok: false, id: 3 });
    expect(parse('{"id":3,"op":"helper.status","args":{},"extra":1}')).toMatchObject({ ok: false, id: 3, error: expect.stringMatching(/extra/) });
    expect(parse('{"id":3,"op":7,"args":{}}')).toMatchObject({ ok: false, id: 3, error: expect.stringMatching(/op/) });
    expect(parse(`{"id":3,"op":"${'x'.repeat(65)}","args":{}}`)).toMatchObject({ ok: false, id: 3 });
  });

  it('refuses ids that are not short strings or whole non-negative numbers, and answers them with id null', () => {
    for (const id of ['-1', '1.5', '1e300', 'null', 'true', '{}', '[]', '""', `"${'i'.repeat(65)}"`]) {
      expect(parse(`{"id":${id},"op":"helper.status","args":{}}`)).toMatchObject({ ok: false, id: null, error: expect.stringMatching(/id/) });
    }
  });

  it('keeps the args object as sent, so an own "__proto__" key still fails the strict operation check', () => {
    const parsed = parse('{"id":1,"op":"helper.status","args":{"__proto__":{"polluted":true}}}');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.keys(parsed.request.args)).toEqual(['__proto__']);
    expect(() => parseOperation(parsed.request.op, parsed.request.args)).toThrow(/Unrecognized key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('errorSentence', () => {
  it('makes one line without a stack and caps its length', () => {
    const error = new Error('iptables-restore failed (exit 1):\nline 2\n\tline 3');
    expect(errorSentence(error)).toBe('iptables-restore failed (exit 1): line 2 line 3');
    expect(errorSentence(new Error('x'.repeat(5000)))).toHaveLength(1000);
    expect(errorSentence('plain')).toBe('plain');
  });
});

describe('replySchema', () => {
  it('takes { id, ok, result } and { id, ok: false, error: { kind, message } } only', () => {
    expect(replySchema.safeParse({ id: 1, ok: true, result: { x: 1 } }).success).toBe(true);
    expect(replySchema.safeParse(errorReply('a', 'refused', 'no')).success).toBe(true);
    expect(errorReply(null, 'failed', 'boom')).toEqual({ id: null, ok: false, error: { kind: 'failed', message: 'boom' } });
    // The socket era's shape (error a string, kind beside it) is not a reply any more.
    expect(replySchema.safeParse({ id: 1, ok: false, error: 'no', kind: 'refused' }).success).toBe(false);
    expect(replySchema.safeParse({ id: 1, ok: false, error: { kind: 'nope', message: 'no' } }).success).toBe(false);
    expect(replySchema.safeParse({ id: 1, ok: false, error: { kind: 'refused' } }).success).toBe(false);
  });
});
