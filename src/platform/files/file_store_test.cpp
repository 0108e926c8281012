#include "platform/files/file_store.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <vips/vips.h>

#include "kernel/text.hpp"
#include "platform/auth/crypto.hpp"

namespace ct05::files {
namespace {

namespace fs = std::filesystem;

// ---- images made by libvips itself, so that the tests download nothing

struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// `out` by reference: it is read after the call that fills it, whatever the order arguments are evaluated in.
Image made(int rc, VipsImage*& out) {
  if (rc != 0 || !out) throw std::runtime_error(std::string("libvips: ") + vips_error_buffer());
  return Image(out);
}

// A smooth colour gradient: compresses well, so even 3000×1000 stays far below the size limit.
Image gradient(int width, int height) {
  VipsImage* raw = nullptr;
  Image xy = made(vips_xyz(&raw, width, height, nullptr), raw);
  const double a[2] = {255.0 / width, 255.0 / height}, b[2] = {0.0, 0.0};
  Image rg = made(vips_linear(xy.get(), &raw, a, b, 2, "uchar", TRUE, nullptr), raw);
  Image rgb = made(vips_bandjoin_const1(rg.get(), &raw, 128.0, nullptr), raw);
  return made(vips_copy(rgb.get(), &raw, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), raw);
}

// Grey noise: a JPEG of it is large, so half of one is cut in the middle of the pixel data.
Image noise(int width, int height) {
  VipsImage* raw = nullptr;
  Image n = made(vips_gaussnoise(&raw, width, height, "mean", 128.0, "sigma", 50.0, nullptr), raw);
  Image grey = made(vips_cast_uchar(n.get(), &raw, nullptr), raw);
  VipsImage* bands[3] = {grey.get(), grey.get(), grey.get()};
  Image rgb = made(vips_bandjoin(bands, &raw, 3, nullptr), raw);
  return made(vips_copy(rgb.get(), &raw, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), raw);
}

std::string encode(const Image& image, const char* suffix) {
  void* buf = nullptr;
  std::size_t len = 0;
  if (vips_image_write_to_buffer(image.get(), suffix, &buf, &len, nullptr) != 0)
    throw std::runtime_error(std::string("libvips: ") + vips_error_buffer());
  std::string out(static_cast<const char*>(buf), len);
  g_free(buf);
  return out;
}

struct Dimensions {
  int width = 0, height = 0;
};

Dimensions dimensions_of(const std::string& bytes) {
  Image image(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  if (!image) throw std::runtime_error(std::string("libvips: ") + vips_error_buffer());
  return {vips_image_get_width(image.get()), vips_image_get_height(image.get())};
}

// ---- hand-made bytes

std::string be16(std::uint16_t v) { return {static_cast<char>(v >> 8), static_cast<char>(v & 0xFF)}; }
std::string be32(std::uint32_t v) {
  return be16(static_cast<std::uint16_t>(v >> 16)) + be16(static_cast<std::uint16_t>(v));
}

std::uint32_t crc32(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string png_chunk(std::string_view type, std::string_view data) {
  std::string body = std::string(type) + std::string(data);
  return be32(static_cast<std::uint32_t>(data.size())) + body + be32(crc32(body));
}

// A well-formed PNG whose header claims 100000×100000 pixels (10 gigapixels, 30 GB decoded).
std::string png_bomb() {
  std::string ihdr = be32(100000) + be32(100000) + std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
  std::string empty_zlib("\x78\x01\x01\x00\x00\xFF\xFF\x00\x00\x00\x01", 11);
  return std::string("\x89PNG\r\n\x1A\n", 8) + png_chunk("IHDR", ihdr) + png_chunk("IDAT", empty_zlib) +
         png_chunk("IEND", "");
}

// An APP1 "Exif" segment (big-endian TIFF): Orientation 6 (turn 90° clockwise) and a GPS position.
std::string exif_segment() {
  auto entry = [](std::uint16_t tag, std::uint16_t type, std::uint32_t count, std::string value) {
    value.resize(4, '\0');
    return be16(tag) + be16(type) + be32(count) + value;
  };
  std::string tiff = "MM" + be16(42) + be32(8);
  // IFD0 at 8: 2 entries → ends at 8 + 2 + 24 + 4 = 38, where the GPS IFD starts.
  tiff += be16(2) + entry(0x0112, 3, 1, be16(6)) + entry(0x8825, 4, 1, be32(38)) + be32(0);
  // GPS IFD at 38: 4 entries → ends at 38 + 2 + 48 + 4 = 92; latitude at 92, longitude at 116.
  tiff += be16(4) + entry(0x0001, 2, 2, "N") + entry(0x0002, 5, 3, be32(92)) + entry(0x0003, 2, 2, "E") +
          entry(0x0004, 5, 3, be32(116)) + be32(0);
  for (std::uint32_t v : {21u, 1u, 2u, 1u, 30u, 1u, 105u, 1u, 51u, 1u, 0u, 1u}) tiff += be32(v);
  std::string payload = std::string("Exif\0\0", 6) + tiff;
  return "\xFF\xE1" + be16(static_cast<std::uint16_t>(payload.size() + 2)) + payload;
}

constexpr const char* kMinimalPdf =
    "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
    "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
    "trailer << /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

class FileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root_ = fs::temp_directory_path() / ("ct05-file-store-" + std::to_string(rd()) + std::to_string(rd()));
    store_ = std::make_unique<FileStore>(root_);  // also initialises libvips, which the helpers above use
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(root_);
  }

  // Expects a refusal naming the file and containing `words`.
  void expect_refused(std::string_view name, std::string_view data, std::string_view words) {
    auto r = store_->accept(name, data);
    ASSERT_FALSE(r) << name << " was stored as " << r->path;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "files");
    EXPECT_TRUE(contains(r.error().fields[0].message, words)) << r.error().fields[0].message;
    EXPECT_TRUE(contains(r.error().message, "Tệp \"" + clean_file_name(name) + "\"")) << r.error().message;
  }

  // Every file under the root, as paths relative to it.
  std::vector<std::string> files_on_disk() const {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root_))
      if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root_).string());
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path root_;
  std::unique_ptr<FileStore> store_;
};

// ---- normal images

TEST_F(FileStoreTest, PngJpegAndWebpAreStoredAsJpegWithThumbnails) {
  for (const char* suffix : {".png", ".jpg[Q=95]", ".webp"}) {
    SCOPED_TRACE(suffix);
    std::string original = encode(gradient(640, 480), suffix);
    auto r = store_->accept("ảnh chụp", original);
    ASSERT_TRUE(r) << r.error().detail;
    EXPECT_EQ(r->kind, "image");
    EXPECT_EQ(r->mime, "image/jpeg");
    EXPECT_EQ(r->original_name, "ảnh chụp");
    EXPECT_EQ(r->width, 640);
    EXPECT_EQ(r->height, 480);
    auto bytes = store_->read(r->path);
    ASSERT_TRUE(bytes);
    EXPECT_TRUE(starts_with(*bytes, "\xFF\xD8\xFF"));
    EXPECT_EQ(r->sha256, auth::sha256_hex(*bytes));
    EXPECT_EQ(r->bytes, static_cast<std::int64_t>(bytes->size()));
    EXPECT_EQ(r->path, r->sha256.substr(0, 2) + "/" + r->sha256 + ".jpg");
    EXPECT_EQ(r->thumb_path, r->sha256.substr(0, 2) + "/" + r->sha256 + ".thumb.jpg");
    auto thumb = store_->read(r->thumb_path);
    ASSERT_TRUE(thumb);
    EXPECT_TRUE(starts_with(*thumb, "\xFF\xD8\xFF"));
    Dimensions t = dimensions_of(*thumb);
    EXPECT_EQ(std::max(t.width, t.height), 320);
    EXPECT_EQ(t.height, 240);
  }
}

TEST_F(FileStoreTest, LargeImagesShrinkToSixteenHundredPixels) {
  std::string original = encode(gradient(3000, 1000), ".png");
  ASSERT_LT(original.size(), FileStore::kMaxBytes);
  auto r = store_->accept("wide.png", original);
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->width, 1600);
  EXPECT_EQ(r->height, 533);
  Dimensions stored = dimensions_of(*store_->read(r->path));
  EXPECT_EQ(stored.width, 1600);
  EXPECT_EQ(stored.height, 533);
  Dimensions thumb = dimensions_of(*store_->read(r->thumb_path));
  EXPECT_EQ(thumb.width, 320);
  EXPECT_LE(thumb.height, 107);

  // Tall images are limited by their height; small ones are not enlarged.
  auto tall = store_->accept("tall.png", encode(gradient(500, 2000), ".png"));
  ASSERT_TRUE(tall) << tall.error().detail;
  EXPECT_EQ(tall->height, 1600);
  EXPECT_EQ(tall->width, 400);
  auto small = store_->accept("small.png", encode(gradient(200, 100), ".png"));
  ASSERT_TRUE(small) << small.error().detail;
  EXPECT_EQ(small->width, 200);
  EXPECT_EQ(small->height, 100);
}

TEST_F(FileStoreTest, ExifAndGpsAreStrippedAndOrientationApplied) {
  std::string jpeg = encode(gradient(300, 200), ".jpg");
  ASSERT_TRUE(starts_with(jpeg, "\xFF\xD8"));
  std::string with_exif = jpeg.substr(0, 2) + exif_segment() + jpeg.substr(2);
  ASSERT_TRUE(contains(with_exif, "Exif"));
  auto r = store_->accept("IMG_0001.JPG", with_exif);
  ASSERT_TRUE(r) << r.error().detail;
  // Orientation 6 was read (so the EXIF was seen) and applied: the stored image stands upright.
  EXPECT_EQ(r->width, 200);
  EXPECT_EQ(r->height, 300);
  for (const std::string& path : {r->path, r->thumb_path}) {
    std::string stored = *store_->read(path);
    EXPECT_FALSE(contains(stored, "Exif")) << path;
    // Markers cannot occur inside JPEG entropy-coded data (0xFF is stuffed), so these are absolute:
    // no APP1 (EXIF, XMP), APP2 (ICC), APP13 (IPTC) segment is left.
    EXPECT_FALSE(contains(stored, "\xFF\xE1")) << path;
    EXPECT_FALSE(contains(stored, "\xFF\xE2")) << path;
    EXPECT_FALSE(contains(stored, "\xFF\xED")) << path;
  }
}

TEST_F(FileStoreTest, SameContentTwiceGivesTheSamePath) {
  std::string png = encode(gradient(400, 300), ".png");
  auto first = store_->accept("a.png", png);
  auto second = store_->accept("b.png", png);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->path, second->path);
  EXPECT_EQ(first->thumb_path, second->thumb_path);
  EXPECT_EQ(second->original_name, "b.png");
  // One image and its thumbnail, no temporary files left behind.
  EXPECT_EQ(files_on_disk(), (std::vector<std::string>{first->path, first->thumb_path}));
}

TEST_F(FileStoreTest, PdfIsStoredAsIs) {
  auto r = store_->accept("báo cáo.pdf", kMinimalPdf);
  ASSERT_TRUE(r) << r.error().detail;
  EXPECT_EQ(r->kind, "pdf");
  EXPECT_EQ(r->mime, "application/pdf");
  EXPECT_EQ(r->thumb_path, "");
  EXPECT_EQ(r->width, 0);
  EXPECT_EQ(r->sha256, auth::sha256_hex(kMinimalPdf));
  EXPECT_EQ(r->path, r->sha256.substr(0, 2) + "/" + r->sha256 + ".pdf");
  EXPECT_EQ(store_->read(r->path), std::string(kMinimalPdf));
  EXPECT_EQ(files_on_disk(), std::vector<std::string>{r->path});
}

// ---- hostile and broken inputs

TEST_F(FileStoreTest, EmptyAndOversizedFilesAreRefused) {
  expect_refused("empty.png", "", "rỗng");
  std::string big(9 * 1024 * 1024, 'x');
  big.replace(0, 3, "\xFF\xD8\xFF");
  expect_refused("big.jpg", big, "quá lớn (tối đa 8 MB)");
  EXPECT_TRUE(files_on_disk().empty());
}

TEST_F(FileStoreTest, TheContentDecidesNotTheName) {
  const std::string_view not_an_image = "không phải ảnh JPEG, PNG, WebP hay PDF";
  expect_refused("photo.jpg", "<!DOCTYPE html><html><script>alert(1)</script></html>", not_an_image);
  expect_refused("x.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", not_an_image);
  expect_refused("notes.jpg", "just some text renamed to .jpg", not_an_image);
  expect_refused("run.pdf", "#!/bin/sh\nrm -rf /\n", not_an_image);
  expect_refused("setup.png", std::string("MZ\x90\x00\x03\x00\x00\x00", 8) + "This program cannot be run in DOS mode",
                 not_an_image);
  expect_refused("a.gif", "GIF89a\x01\x00\x01\x00", not_an_image);
  // The magic number must be at the very start.
  expect_refused("pad.png", " " + encode(gradient(10, 10), ".png"), not_an_image);
  EXPECT_TRUE(files_on_disk().empty());
}

TEST_F(FileStoreTest, ImageMagicWithGarbageIsRefused) {
  const std::string_view unreadable = "không đọc được như một ảnh";
  expect_refused("x.jpg", "\xFF\xD8\xFF\xE0<html><body><script>alert(document.cookie)</script></body></html>",
                 unreadable);
  expect_refused("x.png", std::string("\x89PNG\r\n\x1A\n", 8) + "<html></html>", unreadable);
  expect_refused("x.webp", std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16) + "<html>", unreadable);
  EXPECT_TRUE(files_on_disk().empty());
}

TEST_F(FileStoreTest, TruncatedImagesAreRefused) {
  std::string jpeg = encode(noise(600, 400), ".jpg[Q=90]");
  ASSERT_GT(jpeg.size(), 20000u);
  expect_refused("half.jpg", jpeg.substr(0, jpeg.size() / 2), "không đọc được như một ảnh");
  std::string png = encode(noise(300, 200), ".png");
  expect_refused("half.png", png.substr(0, png.size() / 2), "không đọc được như một ảnh");
  EXPECT_TRUE(files_on_disk().empty());
}

TEST_F(FileStoreTest, DecompressionBombIsRefusedFromItsHeader) {
  std::string bomb = png_bomb();
  ASSERT_LT(bomb.size(), 100u);
  // Refused for its size, i.e. before any pixel is decoded (decoding would fail differently, or never end).
  expect_refused("bomb.png", bomb, "tối đa 40 megapixel");
}

TEST_F(FileStoreTest, PdfWithoutEndIsRefused) {
  expect_refused("fake.pdf", "%PDF-1.7\nthis is only text that starts like a PDF\n", "PDF");
  expect_refused("cut.pdf", std::string(kMinimalPdf).substr(0, 150), "PDF");
  // %%EOF too far from the end does not count.
  expect_refused("tail.pdf", std::string(kMinimalPdf) + std::string(2000, ' '), "PDF");
  EXPECT_TRUE(files_on_disk().empty());
}

TEST_F(FileStoreTest, ReadRefusesAnythingAcceptDidNotProduce) {
  auto r = store_->accept("a.pdf", kMinimalPdf);
  ASSERT_TRUE(r);
  fs::create_directories(root_ / "etc");
  std::ofstream(root_ / "etc" / "passwd") << "secret";
  EXPECT_FALSE(store_->read("../etc/passwd"));
  EXPECT_FALSE(store_->read("/etc/passwd"));
  EXPECT_FALSE(store_->read("etc/passwd"));
  EXPECT_FALSE(store_->read(""));
  EXPECT_FALSE(store_->read(r->path.substr(0, 3) + "../" + r->path));
  EXPECT_FALSE(store_->read("./" + r->path));
  EXPECT_FALSE(store_->read(r->path + ".tmp"));
  std::string upper = r->path;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(std::toupper(c)); });
  EXPECT_FALSE(store_->read(upper));
  // The right shape in the wrong folder, and a file that was never stored.
  std::string other_folder = (r->path.substr(0, 2) == "00" ? "11" : "00") + r->path.substr(2);
  EXPECT_FALSE(store_->read(other_folder));
  EXPECT_FALSE(store_->read("ab/ab" + std::string(62, '0') + ".jpg"));
  EXPECT_TRUE(store_->read(r->path));
}

TEST(FileNames, CleanedForDisplay) {
  EXPECT_EQ(clean_file_name("C:\\Users\\an\\Ảnh thẻ.png"), "Ảnh thẻ.png");
  EXPECT_EQ(clean_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(clean_file_name("a\x01"
                            "b\tc\r\n.jpg"),
            "abc.jpg");
  EXPECT_EQ(clean_file_name("invoice\u202Efdp.exe"), "invoicefdp.exe");  // no right-to-left override
  EXPECT_EQ(clean_file_name("\xFF\xFEtên.pdf"), "tên.pdf");              // invalid UTF-8 dropped
  EXPECT_EQ(clean_file_name("  spaced.pdf  "), "spaced.pdf");
  EXPECT_EQ(clean_file_name("dir/"), "");
  std::string long_name;
  for (int i = 0; i < 100; ++i) long_name += "ả";  // 3 bytes each
  std::string cleaned = clean_file_name(long_name + ".jpg");
  EXPECT_LE(cleaned.size(), 120u);
  EXPECT_EQ(cleaned.size(), 120u);
  EXPECT_TRUE(kernel::valid_utf8(cleaned));
}

TEST_F(FileStoreTest, RefusalNamesTheCleanedFile) {
  auto r = store_->accept("C:\\fakepath\\<img src=x onerror=alert(1)>ảnh\u200B.svg", "<svg/>");
  ASSERT_FALSE(r);
  // Plain text: escaping it is the template's job.
  EXPECT_EQ(r.error().message, "Tệp \"<img src=x onerror=alert(1)>ảnh.svg\" không phải ảnh JPEG, PNG, WebP hay PDF.");
}

}  // namespace
}  // namespace ct05::files
