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
