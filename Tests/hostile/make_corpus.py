"""Writes the hostile-file corpus beside this script: spreadsheets, CSVs, GeoJSON and XML crafted to
crash or exhaust a server that trusts what a file says about itself. Run it again after changing it;
the files are committed so that the Swift suite and the browser checks read the same bytes.

Each name says what the file does; every upload path must answer each with a clear 4xx, write nothing,
and keep its memory bounded."""
import os, struct, zlib, zipfile, io

HERE = os.path.dirname(os.path.abspath(__file__))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def workbook(sheet_rows, shared='<sst %s></sst>' % NS, styles=None):
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "xl/workbook.xml": f'<workbook {NS} {REL}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/sharedStrings.xml": shared,
        "xl/styles.xml": styles or f'<styleSheet {NS}><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": f'<worksheet {NS}><sheetData>{sheet_rows}</sheetData></worksheet>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return out.getvalue()


HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>'


def bomb(inflated=1 << 30, declared=2000):
    """A workbook whose sheet inflates to `inflated` bytes while both zip headers declare `declared`."""
    head = f'<worksheet {NS}><sheetData>{HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>'.encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bytearray(compressor.compress(head))
    chunk = b" " * (1 << 20)
    crc = zlib.crc32(head)
    for _ in range((inflated - len(head)) >> 20):
        body += compressor.compress(chunk)
        crc = zlib.crc32(chunk, crc)
    body += compressor.flush()
    out = io.BytesIO()
    small = workbook(HEADER)
    with zipfile.ZipFile(io.BytesIO(small)) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist() if i.filename != "xl/worksheets/sheet1.xml"]
    central = bytearray()
    def add(name, data, raw, crc, declared_size):
        offset = out.tell()
        name = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(raw), declared_size, len(name), 0) + name + raw)
        central.extend(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(raw), declared_size,
                                   len(name), 0, 0, 0, 0, 0, offset) + name)
    for name, data in entries:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        raw = c.compress(data) + c.flush()
        add(name, data, raw, zlib.crc32(data), len(data))
    add("xl/worksheets/sheet1.xml", None, bytes(body), crc, declared)
    start = out.tell()
    out.write(central)
    count = len(entries) + 1
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, 0))
    return out.getvalue()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def main():
    write("cell-reference-overflow.xlsx", workbook(HEADER + '<row r="2"><c r="ZZZZZZZZZZZZZZZ2"><v>1</v></c></row>'))
    write("row-number-negative.xlsx", workbook(HEADER + '<row r="-9223372036854775808"><c r="A2"><v>1</v></c></row>'))
    write("row-number-past-int32.xlsx", workbook(HEADER + '<row r="2147483648"><c r="A2"><v>1</v></c></row>'))
    write("column-zzzzzz.xlsx", workbook(HEADER + '<row r="2"><c r="ZZZZZZ2"><v>1</v></c></row>'))
    write("row-fifty-million.xlsx", workbook(HEADER + '<row r="50000000"><c r="A50000000"><v>1</v></c></row>'))
    write("rows-out-of-order.xlsx", workbook(HEADER + '<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>'))
    wide = "".join(f'<row r="{r}"><c r="XFD{r}"><v>1</v></c></row>' for r in range(2, 302))
    write("cells-past-the-bound.xlsx", workbook(HEADER + wide))
    write("cell-too-long.xlsx", workbook(HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>' + "x" * 40_000 + "</t></is></c></row>"))
    write("shared-string-missing.xlsx", workbook(HEADER + '<row r="2"><c r="A2" t="s"><v>99999999999999999999</v></c></row>'))
    write("date-serial-absurd.xlsx", workbook(HEADER + '<row r="2"><c r="A2" s="1"><v>1e308</v></c><c r="B2" s="1"><v>NaN</v></c></row>'))
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
              + f']><sst {NS}><si><t>&lol9;</t></si></sst>')
    write("shared-strings-billion-laughs.xlsx", workbook(HEADER + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>', shared=laughs))
    external = f'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst {NS}><si><t>&x;</t></si></sst>'
    write("shared-strings-external-entity.xlsx", workbook(HEADER + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>', shared=external))
    write("zip-bomb-understated.xlsx", bomb())
    write("not-a-zip.xlsx", b"PK\x03\x04" + os.urandom(64))
    write("utf16.csv", "code,name\r\nBO0101_0001,Camp\r\n".encode("utf-16"))
    write("latin1.csv", "code,name\r\nBO0101_0001,Caf\xe9\r\n".encode("latin-1"))
    write("columns-past-the-bound.csv", "code,name," + ",".join(["x"] * 20_000) + "\r\nA,B\r\n")
    write("field-too-long.csv", "code,name,notes\r\nBO0101_0001,Camp," + "n" * 40_000 + "\r\n")
    write("unterminated-quote.csv", 'code,name\r\nBO0101_0001,"Camp' + "a" * 50_000)
    write("nested-too-deep.geojson", "[" * 100_000 + "]" * 100_000)
    write("geojson-not-features.geojson", '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[1e999,"x"]]]}}]}')
    write("submission-billion-laughs.xml", laughs.replace(f'<sst {NS}><si><t>&lol9;</t></si></sst>', '<data id="haven-round"><site>&lol9;</site></data>'))


if __name__ == "__main__":
    main()
