#include "platform/files/file_store.hpp"

#include <cctype>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

#include <vips/vips.h>

#include "kernel/text.hpp"
#include "platform/auth/crypto.hpp"

namespace ct05::files {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxNameBytes = 120;
// A PDF ends with %%EOF, possibly followed by a few bytes of whitespace or junk; 1024 is what readers allow.
constexpr std::size_t kPdfTail = 1024;
constexpr int kImageQuality = 82;
constexpr int kThumbQuality = 70;
// libvips is lenient by default: a truncated or corrupt image decodes with grey where data is missing.
// ERROR (which implies TRUNCATED) makes such an image an error; WARNING would also refuse photos with
// harmless defects, such as extraneous bytes before a marker.
constexpr VipsFailOn kFailOn = VIPS_FAIL_ON_ERROR;
// The same for thumbnail_buffer, which hands option_string to its loader. (Its own "fail_on" argument
// is not passed on in libvips 8.14: a truncated JPEG or PNG went through with it; the tests check.)
constexpr const char* kLoaderOptions = "fail_on=error";

// What the bytes are, by their magic numbers only (never the name or the declared type).
enum class Kind { kJpeg, kPng, kWebp, kPdf, kOther };

Kind sniff(std::string_view d) {
  auto starts = [&](std::string_view magic) { return d.substr(0, magic.size()) == magic; };
  if (starts("\xFF\xD8\xFF")) return Kind::kJpeg;
  if (starts(std::string_view("\x89PNG\r\n\x1A\n", 8))) return Kind::kPng;
  if (d.size() >= 12 && starts("RIFF") && d.substr(8, 4) == "WEBP") return Kind::kWebp;
  if (starts("%PDF-")) return Kind::kPdf;
  return Kind::kOther;
}

// ---- libvips

struct ImageUnref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using ImagePtr = std::unique_ptr<VipsImage, ImageUnref>;

struct GFree {
  void operator()(void* p) const { g_free(p); }
};
using GBuffer = std::unique_ptr<void, GFree>;

// The text of libvips' (process-wide) error buffer, which this also clears.
std::string take_vips_error() {
  char* text = vips_error_buffer_copy();
  std::string out = text ? text : "";
  g_free(text);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

void init_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("ct05") != 0) throw std::runtime_error("libvips failed to initialise: " + take_vips_error());
    // One upload at a time per request thread is enough work on a small server; the web server already
    // runs requests in parallel.
    vips_concurrency_set(1);
    // Loaders read the upload buffers in place. A cached operation would keep an image that points into
    // a buffer already freed, and could be matched again by a later upload at the same address, so the
    // operation cache (which only helps repeated identical calls) is off.
    vips_cache_set_max(0);
  });
}

void* buffer_of(std::string_view data) { return const_cast<char*>(data.data()); }

struct Size {
  int width = 0, height = 0;
};

// The dimensions in the header, read by the loader for this kind only. libvips loaders are lazy:
// this reads the header and decodes no pixel, so a decompression bomb costs nothing here.
std::optional<Size> header_size(Kind kind, std::string_view data) {
  VipsImage* raw = nullptr;
  int rc = -1;
  switch (kind) {
    case Kind::kJpeg:
      rc = vips_jpegload_buffer(buffer_of(data), data.size(), &raw, "fail_on", kFailOn, nullptr);
      break;
    case Kind::kPng:
      rc = vips_pngload_buffer(buffer_of(data), data.size(), &raw, "fail_on", kFailOn, nullptr);
      break;
    case Kind::kWebp:
      rc = vips_webpload_buffer(buffer_of(data), data.size(), &raw, "fail_on", kFailOn, nullptr);
      break;
    case Kind::kPdf:
    case Kind::kOther:
      return std::nullopt;
  }
  ImagePtr image(raw);
  if (rc != 0 || !image) return std::nullopt;
  return Size{vips_image_get_width(image.get()), vips_image_get_height(image.get())};
}

// thumbnail_buffer picks its loader from the bytes again; make sure it is the one header_size() used,
// not some other loader libvips was built with.
bool loader_matches(Kind kind, std::string_view data) {
  const char* name = vips_foreign_find_load_buffer(data.data(), data.size());
  if (!name) return false;
  std::string loader = name;
  for (char& c : loader) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  switch (kind) {
    case Kind::kJpeg:
      return loader.find("jpeg") != std::string::npos;
    case Kind::kPng:
      return loader.find("png") != std::string::npos;
    case Kind::kWebp:
      return loader.find("webp") != std::string::npos;
    case Kind::kPdf:
    case Kind::kOther:
      return false;
  }
  return false;
}

struct Encoded {
  std::string jpeg;
  int width = 0, height = 0;
};

// Decodes an image, turns it upright (EXIF orientation), shrinks it to fit long_side × long_side (never
// enlarges), and saves it as a baseline JPEG without any metadata. Nothing of the original's bytes
// survives but the pixels. Decoding happens during the save, so a corrupt image fails there.
std::optional<Encoded> reencode(std::string_view data, int long_side, int quality) {
  VipsImage* raw = nullptr;
  if (vips_thumbnail_buffer(buffer_of(data), data.size(), &raw, long_side, "height", long_side, "size", VIPS_SIZE_DOWN,
                            "option_string", kLoaderOptions, nullptr) != 0)
    return std::nullopt;
  ImagePtr image(raw);

  // A JPEG holds 8-bit sRGB without alpha: convert (16-bit, grey, CMYK already imported by thumbnail),
  // and lay transparent areas on white rather than the black a plain cast would give.
  if (vips_image_get_interpretation(image.get()) != VIPS_INTERPRETATION_sRGB ||
      vips_image_get_format(image.get()) != VIPS_FORMAT_UCHAR) {
    raw = nullptr;
    if (vips_colourspace(image.get(), &raw, VIPS_INTERPRETATION_sRGB, nullptr) != 0) return std::nullopt;
    image.reset(raw);
  }
  if (vips_image_hasalpha(image.get())) {
    VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    raw = nullptr;
    int rc = vips_flatten(image.get(), &raw, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (rc != 0) return std::nullopt;
    image.reset(raw);
  }

  void* out = nullptr;
  std::size_t length = 0;
  int rc =
      vips_jpegsave_buffer(image.get(), &out, &length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, nullptr);
  GBuffer owned(out);
  if (rc != 0 || !out || length == 0) return std::nullopt;
  return Encoded{std::string(static_cast<const char*>(out), length), vips_image_get_width(image.get()),
                 vips_image_get_height(image.get())};
}

// ---- disk

std::string random_suffix() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* kHex = "0123456789abcdef";
  std::uint64_t v = rng();
  std::string out(16, '0');
  for (char& c : out) {
    c = kHex[v & 15];
    v >>= 4;
  }
  return out;
}

[[noreturn]] void throw_errno(int err, const std::string& what) {
  throw std::system_error(err, std::generic_category(), what);
}

// Writes dir/name so that readers see either nothing or the whole file: a temporary file in the same
// folder, flushed to disk, then renamed. Names are content hashes, so an existing file of the right size
// already holds these bytes and is kept.
void write_atomically(const fs::path& dir, const std::string& name, std::string_view bytes) {
  const fs::path target = dir / name;
  std::error_code ec;
  if (fs::is_regular_file(target, ec) && fs::file_size(target, ec) == bytes.size() && !ec) return;

  const fs::path temp = dir / ("." + name + "." + random_suffix() + ".tmp");
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw_errno(errno, "cannot create " + temp.string());
  auto abandon = [&](const std::string& what) {
    int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw_errno(err, what + " " + temp.string());
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) abandon("cannot flush");
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    throw_errno(err, "cannot close " + temp.string());
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    throw_errno(err, "cannot rename " + temp.string() + " to " + target.string());
  }
}

bool is_lower_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// The only shapes accept() produces: "<2 hex>/<sha256>.jpg", ".thumb.jpg" or ".pdf", the folder being the
// first two digits of the hash. Checking the shape (rather than resolving and comparing paths) leaves no
// room for "..", absolute paths, symlink tricks or other files under the root.
bool is_store_path(std::string_view p) {
  if (p.size() < 3 + 64 || p[2] != '/') return false;
  std::string_view folder = p.substr(0, 2), sha = p.substr(3, 64), ext = p.substr(67);
  return is_lower_hex(folder) && is_lower_hex(sha) && sha.substr(0, 2) == folder &&
         (ext == ".jpg" || ext == ".thumb.jpg" || ext == ".pdf");
}

// ---- names

// The code point of a valid UTF-8 sequence.
char32_t code_point(std::string_view cp) {
  auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(cp[i])); };
  switch (cp.size()) {
    case 1:
      return b(0);
    case 2:
      return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3:
      return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

// Characters that would make a name look like another one when shown: controls, bidirectional
// overrides (U+202E turns "gpj.exe" around), zero-width characters and the BOM.
bool hidden_or_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

std::string trim_spaces(std::string s) {
  auto b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

}  // namespace

std::string clean_file_name(std::string_view name) {
  std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    unsigned char lead = static_cast<unsigned char>(name[i]);
    std::size_t len = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > name.size() || !kernel::valid_utf8(name.substr(i, len))) {
      ++i;  // an invalid byte is dropped
      continue;
    }
    std::string_view cp = name.substr(i, len);
    i += len;
    if (!hidden_or_control(code_point(cp))) out += cp;
  }
  return trim_spaces(kernel::truncate_utf8(trim_spaces(std::move(out)), kMaxNameBytes));
}

FileStore::FileStore(fs::path root) : root_(std::move(root)) {
  fs::create_directories(root_);
  init_vips();  // at start-up, so that a broken libvips shows before the first upload
}

Result<StoredFile> FileStore::accept(std::string_view filename, std::string_view data) {
  StoredFile stored;
  stored.original_name = clean_file_name(filename);
  const std::string label =
      "\"" + (stored.original_name.empty() ? std::string("không tên") : stored.original_name) + "\"";
  auto refuse = [&](std::string_view what, std::string detail = {}) {
    std::string message = "Tệp " + label + " " + std::string(what);
    Error e = Error::invalid({FieldError{"files", message}}, message);
    e.detail = "upload refused: " + (detail.empty() ? message : std::move(detail));
    return fail(std::move(e));
  };

  if (data.empty()) return refuse("rỗng.");
  if (data.size() > kMaxBytes) return refuse("quá lớn (tối đa 8 MB).");
  const Kind kind = sniff(data);
  std::string bytes, thumb;
  switch (kind) {
    case Kind::kOther:
      return refuse("không phải ảnh JPEG, PNG, WebP hay PDF.");
    case Kind::kPdf: {
      std::string_view tail = data.substr(data.size() > kPdfTail ? data.size() - kPdfTail : 0);
      if (tail.find("%%EOF") == std::string_view::npos)
        return refuse("không phải tệp PDF hoàn chỉnh (có thể bị hỏng hoặc tải lên chưa hết).");
      bytes = std::string(data);
      stored.kind = "pdf";
      stored.mime = "application/pdf";
      break;
    }
    case Kind::kJpeg:
    case Kind::kPng:
    case Kind::kWebp: {
      const std::string_view unreadable = "không đọc được như một ảnh (có thể bị hỏng).";
      auto size = header_size(kind, data);
      if (!size || size->width <= 0 || size->height <= 0) return refuse(unreadable, "header: " + take_vips_error());
      if (static_cast<std::int64_t>(size->width) * size->height > kMaxPixels) {
        vips_error_clear();
        return refuse("có kích thước ảnh quá lớn (tối đa 40 megapixel).",
                      "image " + std::to_string(size->width) + "x" + std::to_string(size->height));
      }
      if (!loader_matches(kind, data)) return refuse(unreadable, "unexpected loader: " + take_vips_error());
      auto image = reencode(data, kLongSide, kImageQuality);
      if (!image) return refuse(unreadable, "decode: " + take_vips_error());
      // The thumbnail comes from our own JPEG, so a failure here is not the upload's fault.
      auto small = reencode(image->jpeg, kThumbSide, kThumbQuality);
      if (!small) throw std::runtime_error("libvips could not make a thumbnail: " + take_vips_error());
      // Loaders may leave notes in the error buffer even on success; it is process-wide, so keep it empty.
      vips_error_clear();
      bytes = std::move(image->jpeg);
      thumb = std::move(small->jpeg);
      stored.kind = "image";
      stored.mime = "image/jpeg";
      stored.width = image->width;
      stored.height = image->height;
      break;
    }
  }

  stored.sha256 = auth::sha256_hex(bytes);
  stored.bytes = static_cast<std::int64_t>(bytes.size());
  const std::string folder = stored.sha256.substr(0, 2);
  const fs::path dir = root_ / folder;
  fs::create_directories(dir);
  if (!thumb.empty()) {
    // The thumbnail first: once the main file exists, its thumbnail does too.
    write_atomically(dir, stored.sha256 + ".thumb.jpg", thumb);
    stored.thumb_path = folder + "/" + stored.sha256 + ".thumb.jpg";
  }
  const std::string name = stored.sha256 + (stored.kind == "pdf" ? ".pdf" : ".jpg");
  write_atomically(dir, name, bytes);
  stored.path = folder + "/" + name;
  return stored;
}

std::optional<std::string> FileStore::read(const std::string& relative_path) const {
  if (!is_store_path(relative_path)) return std::nullopt;
  std::ifstream in(root_ / relative_path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) throw std::runtime_error("cannot read " + (root_ / relative_path).string());
  return data;
}

}  // namespace ct05::files

namespace ct05::files {

namespace {
std::mutex g_shared_mu;
std::unique_ptr<FileStore> g_shared;
}  // namespace

void set_shared_root(const std::filesystem::path& root) {
  std::lock_guard g(g_shared_mu);
  g_shared = std::make_unique<FileStore>(root);
}

FileStore& shared() {
  std::lock_guard g(g_shared_mu);
  if (!g_shared) g_shared = std::make_unique<FileStore>("ct05-files");
  return *g_shared;
}

}  // namespace ct05::files
