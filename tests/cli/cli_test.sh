#!/usr/bin/env bash
# The command line as an operator uses it, on SQLite and (when CT05_TEST_PG_URL is set by
# scripts/test.sh) on PostgreSQL: demo twice, accounts, tokens, and `audit verify` catching tampering.
set -uo pipefail
bin="$1"
engine="${2:-sqlite}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
check() {  # check "what" command...
  local what="$1"; shift
  if "$@" >"$work/out" 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what"; cat "$work/out"; fi
}
refuse() {  # refuse "what" command...: the command must fail
  local what="$1"; shift
  if "$@" >"$work/out" 2>&1; then failed=$((failed + 1)); echo "FAIL (should have failed): $what"; cat "$work/out"; else passed=$((passed + 1)); fi
}
sql() {
  if [ "$engine" = postgres ]; then psql -qtA "$db" -c "$1"; else sqlite3 "$db" "$1"; fi
}

if [ "$engine" = postgres ]; then
  [ -n "${CT05_TEST_PG_URL:-}" ] || { echo "CT05_TEST_PG_URL is not set (scripts/test.sh starts PostgreSQL)"; exit 1; }
  name="ct05_cli_$$"
  psql -qtA "$CT05_TEST_PG_URL" -c "CREATE DATABASE $name" >/dev/null
  db="${CT05_TEST_PG_URL%/*}/$name"
  trap 'psql -qtA "$CT05_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
else
  db="$work/ct05.db"
fi

check "help lists the subcommands" bash -c "'$bin' --help | grep -q 'audit'"
check "demo loads" bash -c "'$bin' demo --db '$db' | grep -q 'khuoicuong / ct05-demo'"
units=$(sql "SELECT COUNT(*) FROM units")
people=$(sql "SELECT COUNT(*) FROM persons")
households=$(sql "SELECT COUNT(*) FROM households")
check "demo again changes nothing" bash -c "'$bin' demo --db '$db' | grep -q 'không nạp lại'"
check "same unit count after the second demo" test "$units" = "$(sql "SELECT COUNT(*) FROM units")"
check "same people count after the second demo" test "$people" = "$(sql "SELECT COUNT(*) FROM persons")"
check "same household count after the second demo" test "$households" = "$(sql "SELECT COUNT(*) FROM households")"
check "Khuổi Cuồng has its 58 households" test "$(sql "SELECT COUNT(*) FROM households h JOIN units u ON u.id = h.village_id WHERE u.code = 'THON-KHUOICUONG'")" = 58
check "the national poverty standards are loaded" test "$(sql "SELECT COUNT(*) FROM poverty_standards")" = 2
check "the tree has the article's units" test "$(sql "SELECT COUNT(*) FROM units WHERE code IN ('TU-BACKAN','DB-NONGTHUONG','CB-KHUOICUONG','THON-KHUOICUONG','THON-NANANG')")" = 5
check "user add reads the password from stdin" bash -c "echo 'mat-khau-rat-dai' | '$bin' user add --db '$db' --login cuong --role phu_trach --unit CB-NANANG --name 'Hoàng Văn Cường'"
refuse "user add refuses an unknown role" bash -c "echo 'mat-khau-rat-dai' | '$bin' user add --db '$db' --login x1 --role vua --unit CB-NANANG"
refuse "user add refuses an unknown unit" bash -c "echo 'mat-khau-rat-dai' | '$bin' user add --db '$db' --login x2 --role phu_trach --unit KHONG-CO"
refuse "user add refuses a short password" bash -c "echo 'ngan' | '$bin' user add --db '$db' --login x3 --role phu_trach --unit CB-NANANG"
refuse "user add refuses a taken login" bash -c "echo 'mat-khau-rat-dai' | '$bin' user add --db '$db' --login cuong --role phu_trach --unit CB-NANANG"
check "user token prints a 64-hex token" bash -c "'$bin' user token --db '$db' --login cuong | grep -Eq '^[0-9a-f]{64}$'"
check "the grant was audited" test "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'user.grant'")" -ge 6
# Accounts from the shell: list, grant, revoke, disable, enable, reset, bulk, with the pages' rules.
for sub in list grant revoke disable enable reset bulk; do
  check "user $sub --help" bash -c "'$bin' user $sub --help | grep -q -- '--db'"
done
check "user list shows the demo's officer with the grant" bash -c "'$bin' user list --db '$db' --search 'luong thi' | grep -q 'khuoicuong.*phu_trach@CB-KHUOICUONG'"
check "user grant" "$bin" user grant --db "$db" --login cuong --role lanh_dao --unit DB-NONGTHUONG
refuse "user grant twice is a conflict" "$bin" user grant --db "$db" --login cuong --role lanh_dao --unit DB-NONGTHUONG
refuse "user grant refuses an unknown role" "$bin" user grant --db "$db" --login cuong --role vua --unit DB-NONGTHUONG
check "user revoke" "$bin" user revoke --db "$db" --login cuong --role lanh_dao --unit DB-NONGTHUONG
refuse "user revoke of a grant not held" "$bin" user revoke --db "$db" --login cuong --role lanh_dao --unit DB-NONGTHUONG
check "user disable" "$bin" user disable --db "$db" --login cuong
check "a disabled account's token is refused" test "$(sql "SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE login = 'cuong')")" = 0
check "user list --state disabled" bash -c "'$bin' user list --db '$db' --state disabled | grep -q '^cuong'"
check "user enable" "$bin" user enable --db "$db" --login cuong
refuse "user disable refuses the last admin of the city" "$bin" user disable --db "$db" --login admin
check "user reset prints a one-time code" bash -c "'$bin' user reset --db '$db' --login cuong | grep -Eq '^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$'"
check "the reset cleared the password" test "$(sql "SELECT password_hash FROM users WHERE login = 'cuong'")" = ""
check "user bulk creates accounts with codes and writes the slips" bash -c "'$bin' user bulk --db '$db' --unit CB-NANANG --out '$work/tk.xlsx' --pdf '$work/tk.pdf' | grep -Eq '	[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}	'"
check "the slips PDF names the activation page" bash -c "pdftotext '$work/tk.pdf' - | grep -q '/activate'"
check "the slips XLSX holds the codes" bash -c "unzip -p '$work/tk.xlsx' xl/sharedStrings.xml | grep -q 'Mã kích hoạt'"
check "user bulk again has nobody left" bash -c "'$bin' user bulk --db '$db' --unit CB-NANANG 2>&1 | grep -q 'Đã tạo 0 tài khoản'"
check "codes are stored only as hashes" test "$(sql "SELECT COUNT(*) FROM activation_codes WHERE length(code_hash) = 64")" = "$(sql "SELECT COUNT(*) FROM activation_codes")"
# Imports: the report in Vietnamese, nothing written without --commit, all or nothing unless --only-valid.
printf 'Họ và tên,Năm sinh,Mã đơn vị\nHà Thị Cúc,1984,CB-NANANG\nNông Văn Sai,19x4,CB-NANANG\n' >"$work/nguoi.csv"
people=$(sql "SELECT COUNT(*) FROM persons")
check "import --help names the kinds" bash -c "'$bin' import --help | grep -q 'units | people | households'"
refuse "import without --commit exits 1 when rows are bad" "$bin" import --db "$db" --kind people --unit DB-NONGTHUONG --file "$work/nguoi.csv"
check "and names the line, the column and the reason" bash -c "'$bin' import --db '$db' --kind people --unit DB-NONGTHUONG --file '$work/nguoi.csv' | grep -q 'Dòng 3, cột Năm sinh: \"19x4\" không phải năm sinh'"
refuse "import --commit writes nothing while a row is bad" "$bin" import --db "$db" --kind people --unit DB-NONGTHUONG --file "$work/nguoi.csv" --commit
check "no one was added" test "$people" = "$(sql "SELECT COUNT(*) FROM persons")"
check "import --commit --only-valid writes the valid row" bash -c "'$bin' import --db '$db' --kind people --unit DB-NONGTHUONG --file '$work/nguoi.csv' --commit --only-valid | grep -q 'Đã nhập 1 người'"
check "one person was added" test "$((people + 1))" = "$(sql "SELECT COUNT(*) FROM persons")"
printf 'Mã đơn vị,Tên đơn vị,Loại đơn vị\nCB-CLI,Chi bộ nhập từ dòng lệnh,Chi bộ\n' >"$work/donvi.csv"
check "a clean file of units imports with exit 0" "$bin" import --db "$db" --kind units --unit DB-NONGTHUONG --file "$work/donvi.csv" --commit
check "the unit is under the committee" test "$(sql "SELECT COUNT(*) FROM units c JOIN units p ON p.id = c.parent_id WHERE c.code = 'CB-CLI' AND p.code = 'DB-NONGTHUONG'")" = 1
refuse "import refuses an unknown kind" "$bin" import --db "$db" --kind votes --unit DB-NONGTHUONG --file "$work/donvi.csv"
check "the import was audited once per commit" test "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'import.commit'")" = 2
# Exports: the operator's lists as files, audited, and a workbook LibreOffice opens.
check "export --help lists the kinds and their filters" bash -c "'$bin' export --help | grep -q 'households' && '$bin' export --help | grep -q 'quiz-results' && '$bin' export --help | grep -q 'cadre_status'"
check "export writes the cell's members as CSV" "$bin" export --db "$db" --list members --unit CB-KHUOICUONG --format csv --out "$work/members.csv"
check "the CSV starts with the UTF-8 BOM" test "$(head -c 3 "$work/members.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
check "the operator sees the sensitive columns" grep -q 'Dân tộc' "$work/members.csv"
check "one line per current member and the header" test "$(($(wc -l < "$work/members.csv") - 1))" = "$(sql "SELECT COUNT(*) FROM memberships m JOIN units u ON u.id = m.unit_id JOIN persons p ON p.id = m.person_id WHERE u.code = 'CB-KHUOICUONG' AND m.valid_to IS NULL AND p.active = 1")"
check "export honours --year and --status" bash -c "'$bin' export --db '$db' --list households --unit THON-KHUOICUONG --year 2020 --status can_ngheo --format csv --out '$work/near-poor.csv' | grep -q 'Đã ghi 2 dòng'"
check "export honours --filter" bash -c "'$bin' export --db '$db' --list units --unit DB-NONGTHUONG --filter kind=chi_bo --format csv --out '$work/cells.csv' && ! grep -q 'Thôn,' '$work/cells.csv'"
check "export writes the commune's units as XLSX" "$bin" export --db "$db" --list units --unit DB-NONGTHUONG --format xlsx --out "$work/units.xlsx"
check "LibreOffice converts the workbook to PDF" timeout 120 soffice --headless "-env:UserInstallation=file://$work/lo-profile" --convert-to pdf --outdir "$work" "$work/units.xlsx"
check "the PDF exists" test -s "$work/units.pdf"
check "pdftotext finds a Vietnamese name with its diacritics" bash -c "pdftotext '$work/units.pdf' - | grep -q 'Chi bộ thôn Khuổi Cuồng'"
refuse "export refuses an unknown list" "$bin" export --db "$db" --list nothing --unit DB-NONGTHUONG --out "$work/x.csv"
refuse "export refuses an unknown unit" "$bin" export --db "$db" --list units --unit KHONG-CO --out "$work/x.csv"
refuse "export refuses a bad format" "$bin" export --db "$db" --list units --unit DB-NONGTHUONG --format pdf --out "$work/x.csv"
refuse "export refuses a bad year" "$bin" export --db "$db" --list plans --unit DB-NONGTHUONG --year 20x --out "$work/x.csv"
check "and says why in Vietnamese" bash -c "'$bin' export --db '$db' --list plans --unit DB-NONGTHUONG --year 20x --out '$work/x.csv' 2>&1 | grep -q 'Năm \"20x\" không hợp lệ'"
check "each of the 4 exports is in the audit log, from the command line (refusals are not)" test "$(sql "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'export.%' AND after_json LIKE '%\"via\":\"cli\"%'")" = 4
check "audit verify passes on an intact log" "$bin" audit verify --db "$db"
sql "UPDATE audit_log SET after_json = '{\"name\":\"sửa lén\"}' WHERE id = 7" >/dev/null
refuse "audit verify fails after a row was edited" "$bin" audit verify --db "$db"
check "and names the edited row" bash -c "'$bin' audit verify --db '$db' | grep -q 'số 7'"

# Reports: the commune's 2020 year report as DOCX and as PDF, and the mistakes an operator makes.
check "report writes the year report as DOCX" "$bin" report --db "$db" --unit DB-NONGTHUONG --kind nam --period 2020 --format docx --out "$work/bc.docx" --date 2020-12-15
check "the DOCX holds the issuing body" bash -c "unzip -p '$work/bc.docx' word/document.xml | grep -q 'ĐẢNG ỦY XÃ NÔNG THƯỢNG'"
check "report writes the half-year report as PDF" "$bin" report --db "$db" --unit DB-NONGTHUONG --kind 6-thang --period 2020-H1 --format pdf --out "$work/bc.pdf"
check "the PDF's text says what it is" bash -c "pdftotext -enc UTF-8 '$work/bc.pdf' - | grep -q 'Sơ kết 6 tháng đầu năm 2020'"
refuse "report refuses an unknown unit" "$bin" report --db "$db" --unit KHONG-CO --kind nam --period 2020 --format pdf --out "$work/x.pdf"
refuse "report refuses a 5-year period of 4 years" "$bin" report --db "$db" --unit TU-BACKAN --kind 5-nam --period 2016-2019 --format pdf --out "$work/x.pdf"
check "and says why" bash -c "'$bin' report --db '$db' --unit TU-BACKAN --kind 5-nam --period 2016-2019 --format pdf --out '$work/x.pdf' 2>&1 | grep -q 'phải gồm đúng 5 năm'"
refuse "report refuses another format" "$bin" report --db "$db" --unit TU-BACKAN --kind nam --period 2020 --format odt --out "$work/x.odt"
# As of a day: the city's 2020 report under the tree of 31/12/2020 (before the 1/7/2025 change) and today's.
check "report --as-of counts under the tree of that day" bash -c "'$bin' report --db '$db' --unit TU-BACKAN --kind nam --period 2020 --format pdf --out '$work/asof.pdf' --as-of 2020-12-31 && pdftotext '$work/asof.pdf' - | tr '\n' ' ' | grep -q 'Có 50/61 chi bộ'"
check "without it, today's tree" bash -c "'$bin' report --db '$db' --unit TU-BACKAN --kind nam --period 2020 --format pdf --out '$work/now.pdf' && pdftotext '$work/now.pdf' - | tr '\n' ' ' | grep -q 'Có 49/59 chi bộ'"
check "--continuity carries the merged committees' figures" bash -c "'$bin' report --db '$db' --unit TU-BACKAN --kind nam --period 2020 --format pdf --out '$work/cont.pdf' --continuity && pdftotext '$work/cont.pdf' - | tr '\n' ' ' | grep -q 'Có 50/61 chi bộ'"
refuse "report refuses an --as-of that is not a date" "$bin" report --db "$db" --unit TU-BACKAN --kind nam --period 2020 --format pdf --out "$work/x.pdf" --as-of 2020-13-45
check "each report made is audited" test "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'report.generate'")" -ge 2
refuse "serve refuses a bad --listen" "$bin" serve --db "$db" --listen nonsense

# A database that does not exist is refused by every command but migrate, demo and gen (which make one), with the
# reason in Vietnamese and nothing created: `tallies check` on a mistyped --db used to create an empty database and
# exit 0, so a monitoring job with a typo passed forever. PostgreSQL never creates a database on connect, so there
# migrate, demo and gen are refused too.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
if [ "$engine" = postgres ]; then
  missing_name="ct05_khong_co_$$"
  missing="${CT05_TEST_PG_URL%/*}/$missing_name"
  missing_reason='không kết nối được cơ sở dữ liệu'
  missing_exists() { [ "$(psql -qtA "$CT05_TEST_PG_URL" -c "SELECT COUNT(*) FROM pg_database WHERE datname = '$missing_name'")" != 0 ]; }
else
  missing="$work/khong-co/ct05.db"
  mkdir -p "$work/khong-co"
  missing_reason='không có cơ sở dữ liệu'
  missing_exists() { [ -n "$(ls -A "$work/khong-co")" ]; }
fi
refuse_missing() {  # refuse_missing "what" command...: non-zero within seconds, the reason, nothing created
  local what="$1"; shift
  timeout 10 "$@" >"$work/out" 2>&1 </dev/null
  local rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && grep -q "$missing_reason" "$work/out" && ! missing_exists; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL (should refuse the missing database, exit $rc): $what"; cat "$work/out"
    missing_exists && echo "and it was created"
  fi
}
printf 'Họ và tên\nHà Thị Cúc\n' >"$work/mot-nguoi.csv"
missing_commands=(
  "tallies check" "tallies rebuild" "audit verify"
  "user list" "user token --login admin" "user passwd --login admin"
  "user add --login moi --role phu_trach --unit CB-NANANG"
  "user grant --login admin --role lanh_dao --unit TU-BACKAN" "user revoke --login admin --role lanh_dao --unit TU-BACKAN"
  "user disable --login admin" "user enable --login admin" "user reset --login admin" "user bulk --unit TU-BACKAN"
  "export --list units --unit TU-BACKAN --format csv --out $work/x.csv"
  "report --unit TU-BACKAN --kind nam --period 2020 --format pdf --out $work/x.pdf"
  "import --kind people --unit TU-BACKAN --file $work/mot-nguoi.csv"
  "serve --listen 127.0.0.1:$(free_port)"
)
[ "$engine" = postgres ] && missing_commands+=("migrate" "demo" "gen --scale city")
for args in "${missing_commands[@]}"; do
  # shellcheck disable=SC2086  # the words of the command
  refuse_missing "$args on a missing database" "$bin" $args --db "$missing"
done
check "and the message says how to make one" bash -c "'$bin' tallies check --db '$missing' 2>&1 | grep -q 'ct05 migrate'"

# A second serve on a port in use exits at once, non-zero, saying so; "phục vụ tại" is printed only once
# listening. (It used to print it first and, in 1 run of 5, stay alive without listening.)
port=$(free_port)
"$bin" serve --db "$db" --listen "127.0.0.1:$port" --threads 2 >"$work/serve1.log" 2>&1 &
first=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
check "the first serve answers" curl -fsS "http://127.0.0.1:$port/healthz"
check "and said where once listening" grep -q "phục vụ tại http://127.0.0.1:$port" "$work/serve1.log"
for try in 1 2 3 4 5; do
  started=$(date +%s%N)
  timeout 10 "$bin" serve --db "$db" --listen "127.0.0.1:$port" --threads 2 >"$work/serve2.log" 2>&1
  rc=$?
  ms=$((($(date +%s%N) - started) / 1000000))
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && [ "$ms" -lt 5000 ] &&
      grep -q "không mở được địa chỉ 127.0.0.1:$port" "$work/serve2.log" && ! grep -q "phục vụ tại" "$work/serve2.log"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: a second serve on a port in use, try $try: exit $rc after $ms ms"; cat "$work/serve2.log"
  fi
done
check "the first serve still answers" curl -fsS "http://127.0.0.1:$port/healthz"
check "and is ready: its database takes a write (/readyz)" bash -c "curl -fsS http://127.0.0.1:$port/readyz | grep -q 'sẵn sàng / ready'"
kill -INT "$first"
check "and stops on SIGINT with exit 0" wait "$first"
# serve --min-free-mb: on SQLite, /readyz answers 503 below it while /healthz stays 200 (PostgreSQL's disk is its
# server's, so there the threshold does not apply).
port=$(free_port)
"$bin" serve --db "$db" --listen "127.0.0.1:$port" --threads 2 --min-free-mb 1000000000 >"$work/serve3.log" 2>&1 &
third=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
readyz=$(curl -s -o "$work/readyz" -w '%{http_code}' "http://127.0.0.1:$port/readyz")
if [ "$engine" = postgres ]; then
  check "serve --min-free-mb does not apply on PostgreSQL" test "$readyz" = 200
else
  check "serve --min-free-mb 1000000000: /readyz answers 503" test "$readyz" = 503
  check "saying the folder is below the threshold" grep -q 'dưới ngưỡng 1000000000 MB / .* below the 1000000000 MB threshold' "$work/readyz"
fi
check "while /healthz answers 200" curl -fsS "http://127.0.0.1:$port/healthz"
kill -INT "$third"
wait "$third"

if [ "$engine" = sqlite ]; then
  check "migrate makes a new database" bash -c "'$bin' migrate --db '$work/moi.db' && test -s '$work/moi.db'"
  check "which the other commands then accept" "$bin" tallies check --db "$work/moi.db"
fi

# Synthetic data: `gen` fills an empty database and refuses a non-empty one.
if [ "$engine" = postgres ]; then
  gname="ct05_gen_$$"
  psql -qtA "$CT05_TEST_PG_URL" -c "CREATE DATABASE $gname" >/dev/null
  gdb="${CT05_TEST_PG_URL%/*}/$gname"
else
  gdb="$work/gen.db"
fi
check "gen city fills an empty database" bash -c "'$bin' gen --db '$gdb' --scale city 2>/dev/null | grep -q '3000 đảng viên'"
refuse "gen refuses a database that has units" "$bin" gen --db "$gdb" --scale city
refuse "gen refuses an unknown scale" "$bin" gen --db "$work/other.db" --scale planet
gsql() { if [ "$engine" = postgres ]; then psql -qtA "$gdb" -c "$1"; else sqlite3 "$gdb" "$1"; fi; }
check "gen made 64 villages and 64 cells" test "$(gsql "SELECT COUNT(*) FROM units WHERE kind IN ('thon','chi_bo')")" = 128
check "every member belongs to a cell" test "$(gsql "SELECT COUNT(*) FROM memberships m JOIN units u ON u.id = m.unit_id WHERE u.kind = 'chi_bo'")" = 3000
check "plans for two years" test "$(gsql "SELECT COUNT(DISTINCT year) FROM plans")" = 2
check "gen filled the tallies: the root's subtree has all 3000 members" \
  test "$(gsql "SELECT t.cadres FROM unit_tallies t JOIN units u ON u.id = t.unit_id WHERE u.code = 'GEN-ROOT' AND t.year = 0")" = 3000
check "tallies check agrees after gen" "$bin" tallies check --db "$gdb"
check "records created later get ids after the generated ones (demo on top)" bash -c "'$bin' demo --db '$gdb' >/dev/null"
check "tallies check agrees after the demo was added through the stores" "$bin" tallies check --db "$gdb"
gsql "UPDATE unit_tallies SET plans = plans + 1 WHERE year = 2025 AND unit_id = (SELECT id FROM units WHERE code = 'GEN-ROOT')" >/dev/null
refuse "tallies check fails on a tampered tally" "$bin" tallies check --db "$gdb"
check "and says how to repair it" bash -c "'$bin' tallies check --db '$gdb' | grep -q 'ct05 tallies rebuild'"
check "tallies rebuild repairs it" bash -c "'$bin' tallies rebuild --db '$gdb' && '$bin' tallies check --db '$gdb'"
[ "$engine" = postgres ] && psql -qtA "$CT05_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $gname WITH (FORCE)" >/dev/null

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
