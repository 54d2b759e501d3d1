// The text readers (fast paths that read simple types from their text instead of their nodes)
// must give exactly what the tree readers give, or nothing. Every signature and annotation of the
// fixtures (test/fixtures/text-readers) is read both ways and compared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Query, type Node, type Tree } from 'web-tree-sitter';
import { extractFacts } from '../server/src/core/extract';
import { parseTypeNode, pythonTypeFromText } from '../server/src/core/python/types';
import { initSyntax, parseText, type GrammarName } from '../server/src/core/syntax/parser';
import { inCleanTree } from '../server/src/core/syntax/nodes';
import { simpleTypeFromText } from '../server/src/core/typescript/type-text';
import { fieldFromText, fieldFromTree, parseTsType } from '../server/src/core/typescript/types';

const FOLDER = join(__dirname, 'fixtures', 'text-readers');

beforeAll(async () => {
  await initSyntax();
});

function parseFixture(name: string, grammar: GrammarName): Tree {
  return parseText(grammar, readFileSync(join(FOLDER, name), 'utf8'))!;
}

function nodesOf(tree: Tree, pattern: string): Node[] {
  return new Query(tree.language, pattern).captures(tree.rootNode).map((capture) => capture.node);
}

describe('TypeScript property signatures read from their text', () => {
  it('give the fields the tree gives, for every signature simple enough', () => {
    const tree = parseFixture('types.ts', 'typescript');
    expect(tree.rootNode.hasError).toBe(false);
    let read = 0;
    for (const node of nodesOf(tree, '(property_signature) @signature')) {
      const fromText = fieldFromText(node);
      if (!fromText) continue;
      read++;
      expect({ text: node.text, field: fromText }).toEqual({
        text: node.text,
        field: fieldFromTree(node),
      });
    }
    // All 26 members of `Simple` are read from text, and four of `LeftToTheTree` whose own text
    // is simple (a comment after the type is outside the signature; `nested` is in an object).
    expect(read).toBe(30);
  });

  it('give the type expressions the tree gives', () => {
    const tree = parseFixture('types.ts', 'typescript');
    const types = nodesOf(
      tree,
      `[(predefined_type) (type_identifier) (generic_type) (union_type) (intersection_type)
        (array_type) (literal_type) (lookup_type) (nested_type_identifier) (parenthesized_type)
        (type_query) (index_type_query) (this_type) (template_literal_type)] @type`,
    );
    let read = 0;
    for (const node of types) {
      const fromText = simpleTypeFromText(node.text);
      if (!fromText) continue;
      read++;
      expect({ text: node.text, type: fromText }).toEqual({
        text: node.text,
        type: parseTsType(node),
      });
    }
    expect(read).toBeGreaterThan(100);
  });

  it('are read only from members that are property signatures', () => {
    // Members named like keywords, and every other kind of signature: the text reader takes a
    // member for a property signature without asking its type (see objectFields).
    const source = [
      'interface Members {',
      '  readonly: string; get: number; set?: string; new: boolean; type: string',
      '  method(): void; new (): Members; (call: string): number; [key: string]: unknown',
      '  /** doc */ private: string; "quoted-name": string | null',
      '}',
      'type Inline = { get: string; method(): void; [key: string]: number }',
    ].join('\n');
    const tree = parseText('typescript', source)!;
    expect(tree.rootNode.hasError).toBe(false);
    const members = nodesOf(tree, '[(interface_body (_) @member) (object_type (_) @member)]');
    const read = members.filter((member) => fieldFromText(member) !== undefined);
    expect(read.map((member) => member.type)).toEqual(read.map(() => 'property_signature'));
    expect(read.map((member) => fieldFromText(member)!.name)).toEqual([
      ...['readonly', 'get', 'set', 'new', 'type', 'private', 'quoted-name', 'get'],
    ]);
  });

  it('are not used in a file with a syntax error anywhere', () => {
    const tree = parseText('typescript', 'interface A { a: string }\nconst = ;\n')!;
    const [signature] = nodesOf(tree, '(property_signature) @signature');
    expect(inCleanTree(signature)).toBe(false);
    expect(fieldFromText(signature)).toBeUndefined();
    expect(fieldFromTree(signature).name).toBe('a');
  });
});

describe('string literal unions read from their text', () => {
  it('give each value its own range, across lines', () => {
    const text = readFileSync(join(FOLDER, 'types.ts'), 'utf8');
    const { entities } = extractFacts('types.ts', text).facts;
    const countries = entities.find((entity) => entity.name === 'Countries')!;
    const line = text.split('\n').findIndex((l) => l.startsWith('type Countries'));
    expect(countries.values).toEqual([
      { name: 'FR', value: 'FR', range: range(line + 1, 4, 8) },
      { name: 'GB', value: 'GB', range: range(line + 2, 4, 8) },
      { name: 'DE', value: 'DE', range: range(line + 3, 4, 8) },
    ]);
    const inline = entities.find((entity) => entity.name === 'Inline')!;
    expect(inline.values?.map((value) => value.range.start.character)).toEqual([14, 20]);
  });
});

describe('Python annotations read from their text', () => {
  it('give the type expressions the tree gives, for every annotation simple enough', () => {
    const tree = parseFixture('annotations.py', 'python');
    expect(tree.rootNode.hasError).toBe(false);
    const annotations = nodesOf(tree, '(assignment type: (type) @annotation)');
    let read = 0;
    for (const node of annotations) {
      const fromText = pythonTypeFromText(node.text);
      if (!fromText) continue;
      read++;
      expect({ text: node.text, type: fromText }).toEqual({
        text: node.text,
        type: parseTypeNode(node),
      });
    }
    // The `Model` class is read from text but for `Annotated[int, Field(gt=0)]`; most of
    // `LeftToTheTree` goes to the tree.
    expect(read).toBeGreaterThanOrEqual(24);
  });

  it('agree with the tree on every expression of the fixture, annotation or not', () => {
    const tree = parseFixture('annotations.py', 'python');
    const expressions = nodesOf(
      tree,
      `[(identifier) (attribute) (subscript) (binary_operator) (string) (none) (true) (false)
        (integer) (float) (list) (tuple) (call) (generic_type) (union_type) (member_type)
        (parenthesized_expression) (concatenated_string) (unary_operator) (ellipsis)] @node`,
    );
    for (const node of expressions) {
      const fromText = pythonTypeFromText(node.text);
      if (fromText)
        expect({ text: node.text, type: fromText }).toEqual({
          text: node.text,
          type: parseTypeNode(node),
        });
    }
  });
});

function range(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}

describe('property reads found by scanning the text', () => {
  // The patterns the scan stands for, run the plain way.
  const MEMBER_ACCESS = /\??\.\s*([A-Za-z_$][\w$]*)/g;
  const STRING_SUBSCRIPT = /\[\s*['"]([^'"\\]+)['"]\s*\]/g;
  const OBJECT_PATTERN = /\{([^{}()]*)\}\s*(?::[^=;]*)?[=)]/g;
  const PATTERN_KEY = /(?:^|,)\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)\s*(?=[,:=]|$)/g;

  function readsByPatterns(text: string): string[] {
    const names = new Set<string>();
    for (const match of text.matchAll(MEMBER_ACCESS)) names.add(match[1]);
    for (const match of text.matchAll(STRING_SUBSCRIPT)) names.add(match[1]);
    for (const pattern of text.matchAll(OBJECT_PATTERN)) {
      for (const key of pattern[1].matchAll(PATTERN_KEY)) names.add(key[1]);
    }
    return [...names];
  }

  it('give the names the patterns give, in the same order', () => {
    const text = [
      'a.b?.c . d.\n\te.\u00a0f.\u3000g...spread.. .h.$i._j.1k.é x.y2z',
      "o['key'] o[ \"other\" ] o[ 'a' ]['b'] o['no\\'pe'] [[ 'n' ]]",
      'const { p, q: r, ...s } = t; ({ u = 1 }: { v: W }) => u; { x }: { y: Z } = {}',
      'end.',
    ].join('\n');
    const facts = extractFacts('reads.ts', text).facts;
    expect(facts.propertyReads).toEqual(readsByPatterns(text));
    expect(facts.propertyReads).toContain('f');
    expect(facts.propertyReads).toContain('other');
  });
});

describe('import specifiers read from their text', () => {
  it('take a bare name, `type` included, as its own alias', () => {
    const text = "import { type, a, type b, type as t, $c, 'd-e' as de } from './m';\n";
    const [fact] = extractFacts('imports.ts', text).facts.imports;
    expect(fact.names).toEqual([
      { name: 'type', alias: 'type' },
      { name: 'a', alias: 'a' },
      { name: 'b', alias: 'b' },
      { name: 'type', alias: 't' },
      { name: '$c', alias: '$c' },
      { name: 'd-e', alias: 'de' },
    ]);
  });
});
