#!/usr/bin/env python3
"""Lists public declarations without a `///` doc comment; exits 1 if there are any.

Usage: Scripts/check_doc_comments.py DIRECTORY...

A public declaration is a line that starts with `public` or `open` (after attributes),
an enum case of a public enum, or a requirement of a public protocol. Implementations of
protocol requirements whose documentation DocC takes from the protocol are exempt:
Thrift coding (`encode(to:)`, `init(from:)`, `thriftName`, `thriftFieldName`),
`init(rawValue:)`, `rawValue`, `description`, `==` and `hash(into:)`.
"""

import os
import re
import sys

EXEMPT = re.compile(
    r"func encode\(to encoder|init\(from decoder|static var thriftName|static func thriftFieldName"
    r"|init\(rawValue|var rawValue|var description: String|static func ==|func hash\(into")
PUBLIC = re.compile(r"^\s*(@[\w.]+(\([^)]*\))?\s+)*(public|open)\s")
REQUIREMENT = re.compile(r"^\s*(static |mutating )*(func|var|init|associatedtype|subscript)\b")
ENUM_CASE = re.compile(r"^\s*case [a-zA-Z_]\w*(\(.*\))?( = .*)?(, [a-zA-Z_]\w*)*\s*$")
TYPE_OPENING = re.compile(r"^\s*(@[\w.]+(\([^)]*\))?\s+)*(public |package |private |fileprivate |internal )?"
                          r"(indirect |final )?(enum|struct|class|actor|extension|protocol)\b")


def documented(lines, index):
    """Whether the declaration at `index` has a doc comment above its attributes."""
    above = index - 1
    while above >= 0 and lines[above].strip().startswith("@"):
        above -= 1
    return above >= 0 and (lines[above].strip().startswith("///") or lines[above].strip().endswith("*/"))


def undocumented(path):
    """(line number, text) of each undocumented public declaration in one file."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    found = []
    # One entry per open brace: "enum" or "protocol" for the body of a public one.
    scopes = []
    for index, line in enumerate(lines):
        text = line.strip()
        scope = scopes[-1] if scopes else None
        if PUBLIC.match(line) and not re.match(r"(public|open) import", text) and not EXEMPT.search(text):
            if not documented(lines, index):
                found.append((index + 1, text))
        elif ((scope == "enum" and ENUM_CASE.match(line)) or (scope == "protocol" and REQUIREMENT.match(line))) \
                and not documented(lines, index):
            found.append((index + 1, text))
        opening = TYPE_OPENING.match(line)
        kind = opening.group(5) if opening and "public" in line and opening.group(5) in ("enum", "protocol") else None
        code = re.sub(r'"[^"]*"', "", line.split("//")[0])
        for _ in range(code.count("{")):
            scopes.append(kind)
            kind = None
        for _ in range(code.count("}")):
            if scopes:
                scopes.pop()
    return found


def main(directories):
    missing = 0
    for directory in directories:
        for root, _, files in sorted(os.walk(directory)):
            for name in sorted(files):
                if name.endswith(".swift"):
                    path = os.path.join(root, name)
                    for number, text in undocumented(path):
                        print(f"{path}:{number}: no doc comment: {text}")
                        missing += 1
    if missing:
        print(f"{missing} public declarations without a doc comment")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
