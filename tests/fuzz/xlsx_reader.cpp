// libFuzzer target: xlsx::read and xlsx::sheet_names on arbitrary bytes (the zip, then the shared strings, styles,
// workbook and sheet XML inside). Limits are lowered so that one input cannot take the fuzzer's whole memory budget
// legitimately; what is checked is that the reader refuses or answers, never crashes, leaks or hangs.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "platform/xlsx/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ct05::xlsx;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadOptions o;
  o.max_part_bytes = 8 * 1024 * 1024;
  o.max_rows = 10000;
  o.max_cells = 200000;
  o.date_columns = {0, 2};
  auto sheet = read(bytes, o);
  if (sheet) {
    if (sheet->rows.size() > o.max_rows) std::abort();
    std::size_t cells = 0;
    for (const auto& r : sheet->rows) cells += r.cells.size();
    if (cells > o.max_cells) std::abort();
    for (const auto& m : sheet->merged)
      if (m.first_row > m.last_row || m.first_column > m.last_column) std::abort();
  } else if (sheet.error().message.empty()) {
    std::abort();
  }
  if (auto names = sheet_names(bytes); names && !names->empty()) {
    o.sheet = names->back();
    (void)read(bytes, o);
  }
  return 0;
}
