#!/usr/bin/env python3
"""Fill a case review sheet from `styr sample -o` as a reviewer would (test helper).

    fill_review.py [--sep C] [--enc E] IN OUT [ROW=COL:VALUE | drop=COL ...]

IN and OUT are both .csv (';', UTF-8) or both .xlsx. Without edits every case
but the last is marked reviewed and answers follow a fixed pattern (see
tests/cli/cases/sample14.sh for the hand computation); ROW is a case number
(or a head label such as "Frø") and COL a column header. Only the standard
library: the XLSX is rewritten cell by cell as inline strings. drop=COL
removes a column; --sep and --enc write the CSV as another spreadsheet would
(',' and cp1252: Excel's "CSV" in an English locale on Windows)."""
import csv, re, sys, zipfile
from xml.sax.saxutils import escape

# the pattern: case nr -> answers by learning point code column (header names below)
def pattern(nr, n):
    if nr == n:
        return {}                                         # the last case is not reviewed
    return {
        "Gennemgået": "x",
        "Ret indsats til tiden": "x" if nr % 2 else "",   # odd cases
        "Virksomhedsrettet tilbud": "ja" if nr <= 3 else "nej",
        "Relevant sygdomsbehandling/sundhed": "1" if nr <= 5 else "0",
        "Sagsbehandlingsfejl": "x" if nr == 7 else "",
        "Note": "Borgeren fortalte om sin ryg" if nr == 4 else "",
    }

def apply(grid, edits):
    h = next(i for i, r in enumerate(grid) if r and r[0] == "Nr.")
    head = grid[h]
    n = sum(1 for r in grid[h + 1:] if r and r[0])
    for r in grid[h + 1:]:
        if not r or not r[0]:
            continue
        for col, v in pattern(int(r[0]), n).items():
            c = head.index(col)
            while len(r) <= c:
                r.append("")
            r[c] = v
    for e in edits:
        row, rest = e.split("=", 1)
        if row == "drop":
            c = head.index(rest)
            for r in grid[h:]:
                if len(r) > c:
                    del r[c]
            continue
        col, val = rest.split(":", 1)
        if row.isdigit():
            r = next(x for x in grid[h + 1:] if x and x[0] == row)
            c = head.index(col)
        else:
            r = next(x for x in grid[:h] if x and x[0] == row)
            c = int(col)
        while len(r) <= c:
            r.append("")
        r[c] = val
    return grid

def colnum(ref):
    c = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        c = c * 26 + ord(ch) - 64
    return c - 1

def colref(c):
    s = ""
    c += 1
    while c:
        c, m = divmod(c - 1, 26)
        s = chr(65 + m) + s
    return s

def read_xlsx(z):
    sst = []
    if "xl/sharedStrings.xml" in z.namelist():
        x = z.read("xl/sharedStrings.xml").decode()
        for si in re.findall(r"<si>(.*?)</si>", x, re.S):
            sst.append("".join(re.findall(r"<t[^>]*>(.*?)</t>", si, re.S)))
    x = z.read("xl/worksheets/sheet1.xml").decode()
    grid = {}
    for rn, body in re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', x, re.S):
        for ref, attrs, inner in re.findall(r'<c r="([A-Z]+)\d+"([^>]*?)(?:/>|>(.*?)</c>)', body, re.S):
            v = re.search(r"<v>(.*?)</v>", inner or "")
            t = re.search(r't="(\w+)"', attrs)
            val = "" if not v else (sst[int(v.group(1))] if t and t.group(1) == "s" else v.group(1))
            val = val.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
            grid.setdefault(int(rn), {})[colnum(ref)] = val
    rows = []
    for rn in range(1, max(grid) + 1):
        cells = grid.get(rn, {})
        rows.append([cells.get(c, "") for c in range(max(cells) + 1)] if cells else [])
    return rows, x

def write_xlsx(zin, out, rows, sheet_xml):
    data = []
    for i, r in enumerate(rows, 1):
        cells = "".join(f'<c r="{colref(c)}{i}" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for c, v in enumerate(r) if v != "")
        data.append(f'<row r="{i}">{cells}</row>')
    new = re.sub(r"<sheetData>.*</sheetData>|<sheetData/>", "<sheetData>" + "".join(data) + "</sheetData>", sheet_xml, flags=re.S)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zo:
        for item in zin.infolist():
            body = new.encode() if item.filename == "xl/worksheets/sheet1.xml" else zin.read(item.filename)
            zo.writestr(item, body)

def main():
    args, sep, enc = sys.argv[1:], ";", "utf-8"
    while args[0].startswith("--"):
        if args[0] == "--sep":
            sep = args[1]
        else:
            enc = args[1]
        args = args[2:]
    src, dst, edits = args[0], args[1], args[2:]
    if src.endswith(".xlsx"):
        with zipfile.ZipFile(src) as z:
            rows, xml = read_xlsx(z)
            write_xlsx(z, dst, apply(rows, edits), xml)
    else:
        rows = list(csv.reader(open(src, encoding="utf-8", newline=""), delimiter=";"))
        with open(dst, "w", encoding=enc, newline="") as f:
            csv.writer(f, delimiter=sep, lineterminator="\r\n").writerows(apply(rows, edits))

main()
