#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/<target>/seed-*): small real inputs of each kind,
and the hostile ones the parsers must refuse (zip bomb, entity expansion, deep nesting). Run once; the files are
checked in, and run.sh adds crash-* inputs next to them. Optional argument: an .xlsx written by `ct05 export`
(libxlsxwriter), copied in as a real workbook."""
import io, os, shutil, sys, zipfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "corpus")


def put(target, name, data):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# ---- csv_reader
put("csv_reader", "plain.csv", "Mã hộ,Chủ hộ\nKC-01,Hoàng Văn Thào\nKC-02,Nông Thị Mai")
put("csv_reader", "bom_crlf.csv", "\ufeffMã hộ,Chủ hộ,Thu nhập\r\nKC-01,\"Lường, Thị Thời\",1500000\r\n\r\n")
put("csv_reader", "quotes.csv", 'a,"b ""quoted""","multi\r\nline",d\n"",x,"y"\n')
put("csv_reader", "semicolon.csv", "Mã;Tên;Năm\r\nKC-01;Nà Nàng;1985\r\n;;\r\n")
put("csv_reader", "tabs_cr.csv", "Mã\tTên\rKC-01\tKhuổi Cuồng\r")
put("csv_reader", "open_quote.csv", 'a,b\n"never closed,c\n')
put("csv_reader", "bad_utf8.csv", b"a,b\n\xc3\x28,\xff\xfe\n")
put("csv_reader", "stray.csv", 'a,"b"x,c\n')

# ---- xlsx_reader
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="{d}"/>'
      '<sheets><sheet name="Hộ gia đình" sheetId="1" r:id="rId1"/><sheet name="Khác" sheetId="2" r:id="rId2"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>')
SST = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
       '<si><t>Mã hộ</t></si><si><t>Chủ hộ</t></si><si><r><t>Nông </t></r><r><rPr><b/></rPr><t>Thượng</t></r>'
       '<rPh><t>x</t></rPh></si></sst>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts><numFmt numFmtId="164" formatCode="[$-42A]dd/mm/yyyy"/></numFmts>'
          '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>')


def sheet(data, after=""):
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<sheetData>" + data + "</sheetData>" + after + "</worksheet>")


ROWS = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2" s="1"><v>43905</v></c><c r="B2" t="inlineStr"><is><t>Nà Nàng</t></is></c>'
        '<c r="C2" s="2"><v>43905.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2"><f>SUM(1,2)</f><v>3</v></c>'
        '<c r="F2"><f>A1</f></c><c r="G2" t="e"><v>#N/A</v></c></row>'
        '<row><c><v>1.5E-2</v></c><c r="XFD4"><v>-0</v></c></row>')
MERGE = '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>'


def package(parts, compression=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", compression) as z:
        for name, data in parts:
            z.writestr(name, data if isinstance(data, bytes) else data.encode("utf-8"))
    return b.getvalue()


def workbook(sheet1=sheet(ROWS, MERGE), sst=SST, styles=STYLES, date1904=0, compression=zipfile.ZIP_DEFLATED):
    parts = [("[Content_Types].xml", CT), ("xl/workbook.xml", WB.format(d=date1904)),
             ("xl/_rels/workbook.xml.rels", RELS), ("xl/worksheets/sheet1.xml", sheet1),
             ("xl/worksheets/sheet2.xml", sheet('<row r="1"><c r="A1"><v>58</v></c></row>'))]
    if sst is not None:
        parts.append(("xl/sharedStrings.xml", sst))
    if styles is not None:
        parts.append(("xl/styles.xml", styles))
    return package(parts, compression)


def utf16(text, bom=True, be=False):
    text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return (("\ufeff" if bom else "") + text).encode("utf-16-be" if be else "utf-16-le")


put("xlsx_reader", "workbook.xlsx", workbook())
put("xlsx_reader", "stored_1904.xlsx", workbook(date1904=1, compression=zipfile.ZIP_STORED))
put("xlsx_reader", "minimal.xlsx", workbook(sheet1=sheet(""), sst=None, styles=None))
put("xlsx_reader", "utf16.xlsx", workbook(sheet1=utf16(sheet(ROWS)), sst=utf16(SST, bom=False, be=True)))
# Hostile: billion laughs in UTF-8 and UTF-16, a bomb (64 MB of spaces in 64 KB), elements nested 100,000 deep.
dtd = '<!DOCTYPE worksheet [<!ENTITY l0 "lol">' + "".join(
    '<!ENTITY l%d "%s">' % (i, ("&l%d;" % (i - 1)) * 10) for i in range(1, 11)) + "]>"
laughs = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&l10;</t></is></c></row>').replace("?>", "?>" + dtd, 1)
put("xlsx_reader", "laughs_utf8.xlsx", workbook(sheet1=laughs))
put("xlsx_reader", "laughs_utf16.xlsx", workbook(sheet1=utf16(laughs, bom=False)))
put("xlsx_reader", "bomb.xlsx", workbook(sheet1=sheet('<row r="1"><c r="A1"><v>1</v></c></row>' + " " * (64 << 20))))
put("xlsx_reader", "deep.xlsx", workbook(sheet1=sheet('<row r="1">' + "<x>" * 100000 + "</x>" * 100000 + "</row>")))
put("xlsx_reader", "xls_magic.xls", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
if len(sys.argv) > 1:
    shutil.copy(sys.argv[1], os.path.join(corpus, "xlsx_reader", "seed-xlsxwriter.xlsx"))

# ---- multipart: "<Content-Type>\n<body>"
T = "multipart/form-data; boundary=----ct05Boundary7MA4YWxk"
D = "------ct05Boundary7MA4YWxk"
put("multipart", "fields", T + "\n" + D + '\r\nContent-Disposition: form-data; name="full_name"\r\n\r\nHoàng Văn Thào\r\n'
    + D + '\r\nContent-Disposition: form-data; name="birth_year"\r\n\r\n1985\r\n' + D + "--\r\n")
put("multipart", "file", ('multipart/form-data; boundary="q b"\n--q b\r\nContent-Disposition: form-data; name="file"; '
                          'filename="hộ.csv"\r\nContent-Type: text/csv\r\n\r\nMã,Tên\r\nKC-01,x\r\n--q b\r\n'
                          'Content-Disposition: form-data; name="empty"; filename=""\r\n\r\n\r\n--q b--'))
put("multipart", "unterminated", T + "\n" + D + '\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end')
put("multipart", "many", T + "\n" + "".join(D + '\r\nContent-Disposition: form-data; name="f%d"\r\n\r\nv\r\n' % i
                                          for i in range(25)) + D + "--\r\n")

# ---- json_input
put("json_input", "entry.json", '{"full_name":"Lường Thị Thời","unit_id":12,"public":true,"note":null,"year":2020}')
put("json_input", "types.json", '{"a":[1,2.5e10,-0,"x\\u00e0\\ud83d\\ude00"],"b":{"c":false},"d":"  trim  "}')
put("json_input", "deep.json", "[" * 2000 + "]" * 2000)
put("json_input", "not_object.json", '"just a string"')
put("json_input", "bad_utf8.json", b'{"a":"\xc3\x28"}')
put("json_input", "big_int.json", '{"unit_id":99999999999999999999999,"n":-9223372036854775808}')

# ---- form_query
put("form_query", "form", "full_name=Ho%C3%A0ng+V%C4%83n+Th%E1%BA%AFng&birth_year=1985&empty=&flag")
put("form_query", "broken", "a=%zz&b=%4&c=%&%41%42=1&&=&unit=%2012%20")
put("form_query", "ids", "unit=12&unit=0&id=999999999999999999&id=-1&q=a%2Bb+c")
put("form_query", "cookie", "ct05_session=abc; other=1; ct05_session=def")
