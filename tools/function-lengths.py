#!/usr/bin/env python3
"""Lists the functions (func, init, closures bound with `let … = {`) of Swift files longer than a limit.

    tools/function-lengths.py LIMIT FILE…   prints `FILE:LINE: NAME is N lines (limit LIMIT)` per
                                            function over LIMIT and exits 1 when there is any.

A function's length runs from its `func`/`init` line to the line of the brace that closes its
body, both counted. Braces inside string literals and comments are skipped.
"""
import re
import sys

DECL = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|static|mutating|override|nonisolated|final|class)\s+)*(func\s+[^\s(<]+|init[?!]?\s*[(<])')


def code_only(line, state):
    """The line without string literals and comments; `state` carries a block comment or multi-line string on."""
    out = []
    i = 0
    while i < len(line):
        if state['block']:
            j = line.find('*/', i)
            if j < 0:
                return ''.join(out)
            state['block'] = False
            i = j + 2
            continue
        if state['multi']:
            j = line.find('"""', i)
            if j < 0:
                return ''.join(out)
            state['multi'] = False
            i = j + 3
            continue
        c = line[i]
        if line.startswith('//', i):
            break
        if line.startswith('/*', i):
            state['block'] = True
            i += 2
            continue
        if line.startswith('"""', i):
            state['multi'] = True
            i += 3
            continue
        if c == '"':
            # A one-line string: skip to its closing quote, over escapes and interpolations.
            i += 1
            depth = 0
            while i < len(line):
                if line[i] == '\\' and line.startswith('\\(', i):
                    depth += 1
                    i += 2
                    continue
                if line[i] == '\\':
                    i += 2
                    continue
                if depth > 0 and line[i] == '(':
                    depth += 1
                elif depth > 0 and line[i] == ')':
                    depth -= 1
                elif depth == 0 and line[i] == '"':
                    break
                i += 1
            i += 1
            continue
        out.append(c)
        i += 1
    return ''.join(out)


def functions(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    state = {'block': False, 'multi': False}
    code = [code_only(l, state) for l in lines]
    for start, text in enumerate(code):
        m = DECL.match(text)
        if not m:
            continue
        # The body opens at the first `{` from here on; a protocol requirement has none before
        # the next declaration.
        depth = 0
        opened = False
        for k in range(start, len(code)):
            if k > start and not opened and DECL.match(code[k]):
                break
            for ch in code[k]:
                if ch == '{':
                    depth += 1
                    opened = True
                elif ch == '}':
                    depth -= 1
            if opened and depth <= 0:
                yield start + 1, m.group(1).rstrip('(<').strip(), k - start + 1
                break


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    limit = int(sys.argv[1])
    over = 0
    for path in sys.argv[2:]:
        for line, name, n in functions(path):
            if n > limit:
                print(f'{path}:{line}: {name} is {n} lines (limit {limit})')
                over += 1
    return 1 if over else 0


if __name__ == '__main__':
    sys.exit(main())
