// libFuzzer target: csv::read on arbitrary bytes, with each delimiter; a refusal is fine, a crash, a leak or a
// hang is not. Rows found must respect the options' limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "platform/csv/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ct05::csv;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the delimiter and whether blank rows are kept, so every path is reachable.
  const std::uint8_t pick = size > 0 ? data[0] : 0;
  ReadOptions o;
  o.delimiter = static_cast<Delimiter>(pick % 4);
  o.skip_blank_rows = (pick & 4) == 0;
  o.max_rows = 1000;
  auto rows = read(bytes, o);
  if (rows) {
    if (rows->size() > o.max_rows) std::abort();
    std::size_t last = 0;
    for (const auto& r : *rows) {
      if (r.line < 1 || r.line < last) std::abort();  // lines count up from 1
      last = r.line;
      for (const auto& c : r.cells) (void)trim_cell(c), (void)whole_number(c);
    }
    if (!rows->empty()) (void)format_row(rows->front().cells, ';');
  } else if (rows.error().message.empty()) {
    std::abort();  // every refusal says why
  }
  (void)strip_bom(bytes);
  return 0;
}
