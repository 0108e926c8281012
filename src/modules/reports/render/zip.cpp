// A minimal ZIP writer (deflate through zlib): enough for a DOCX package, with no dependency on Poco's defines.
#include <stdexcept>

#include <zlib.h>

#include "modules/reports/render/render.hpp"

namespace ct05::reports {

namespace {

void put16(std::string& s, unsigned v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& s, unsigned long v) {
  put16(s, static_cast<unsigned>(v & 0xFFFF));
  put16(s, static_cast<unsigned>((v >> 16) & 0xFFFF));
}

std::string deflate_raw(const std::string& in) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out(deflateBound(&z, in.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
  out.resize(z.total_out);
  return out;
}

}  // namespace

std::string zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  constexpr unsigned kTime = 0;                          // 00:00:00
  constexpr unsigned kDate = (2020 - 1980) << 9 | 1 << 5 | 1;  // 2020-01-01
  std::string out, central;
  for (const auto& [name, data] : entries) {
    std::string packed = deflate_raw(data);
    unsigned long crc = crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
    unsigned long offset = out.size();
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, 0x0800);  // names in UTF-8
    put16(out, 8);
    put16(out, kTime);
    put16(out, kDate);
    put32(out, crc);
    put32(out, packed.size());
    put32(out, data.size());
    put16(out, static_cast<unsigned>(name.size()));
    put16(out, 0);
    out += name;
    out += packed;

    put32(central, 0x02014b50);
    put16(central, 20);
    put16(central, 20);
    put16(central, 0x0800);
    put16(central, 8);
    put16(central, kTime);
    put16(central, kDate);
    put32(central, crc);
    put32(central, packed.size());
    put32(central, data.size());
    put16(central, static_cast<unsigned>(name.size()));
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, offset);
    central += name;
  }
  unsigned long cd_offset = out.size();
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<unsigned>(entries.size()));
  put16(out, static_cast<unsigned>(entries.size()));
  put32(out, central.size());
  put32(out, cd_offset);
  put16(out, 0);
  return out;
}

}  // namespace ct05::reports
