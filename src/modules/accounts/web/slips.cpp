#include "modules/accounts/web/slips.hpp"

#include <memory>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "kernel/clock.hpp"
#include "kernel/text.hpp"
#include "platform/xlsx/xlsx_writer.hpp"

namespace ct05::accounts {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageW = 210 * kMm, kPageH = 297 * kMm;
constexpr int kPerPage = 4;

std::string file_stem(const std::string& unit_name) {
  std::string s;
  for (char ch : kernel::fold(unit_name)) s += (ch == ' ') ? '-' : ch;
  return "tai-khoan-" + s;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void text(cairo_t* cr, const std::string& s, double x, double y, double width, double size, bool bold,
          const char* family = "Noto Serif") {
  std::unique_ptr<PangoLayout, decltype(&g_object_unref)> l(pango_cairo_create_layout(cr), g_object_unref);
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, family);
  pango_font_description_set_size(desc, static_cast<int>(size * PANGO_SCALE));
  pango_font_description_set_weight(desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l.get(), desc);
  pango_font_description_free(desc);
  pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(l.get(), s.c_str(), -1);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, l.get());
}

}  // namespace

SlipFile slips_xlsx(const std::vector<Slip>& slips, const std::string& unit_name, const std::string& base_url) {
  xlsx::Table t;
  t.name = "Tài khoản";
  t.columns = {{"Họ và tên", 28}, {"Đơn vị", 32}, {"Tên đăng nhập", 18}, {"Mã kích hoạt", 18}, {"Hạn dùng mã", 14},
               {"Địa chỉ kích hoạt", 36}};
  for (const auto& s : slips)
    t.rows.push_back({s.full_name, s.unit_name, s.login, s.code, xlsx::date_cell(s.expires_at), base_url + "/activate"});
  return SlipFile{file_stem(unit_name) + ".xlsx", xlsx::kContentType, xlsx::write({t})};
}

SlipFile slips_pdf(const std::vector<Slip>& slips, const std::string& unit_name, const std::string& base_url) {
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, kPageW, kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, ("Phiếu tài khoản — " + unit_name).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "ct05");
  cairo_t* cr = cairo_create(surface);
  const double left = 18 * kMm, width = kPageW - 36 * kMm, slot = (kPageH - 24 * kMm) / kPerPage;
  for (std::size_t i = 0; i < slips.size(); ++i) {
    if (i > 0 && i % kPerPage == 0) cairo_show_page(cr);
    const auto& s = slips[i];
    double top = 12 * kMm + static_cast<double>(i % kPerPage) * slot;
    if (i % kPerPage != 0) {  // a dashed line to cut along
      cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
      cairo_set_line_width(cr, 0.5);
      double dash = 3;
      cairo_set_dash(cr, &dash, 1, 0);
      cairo_move_to(cr, 8 * kMm, top - 3 * kMm);
      cairo_line_to(cr, kPageW - 8 * kMm, top - 3 * kMm);
      cairo_stroke(cr);
      cairo_set_dash(cr, nullptr, 0, 0);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, "PHIẾU TÀI KHOẢN ct05 — HỌC TẬP VÀ LÀM THEO BÁC", left, top, width, 11, true);
    text(cr, s.unit_name, left, top + 6 * kMm, width, 10, false);
    text(cr, "Họ và tên: " + s.full_name, left, top + 14 * kMm, width, 12, true);
    text(cr, "Tên đăng nhập:", left, top + 22 * kMm, 45 * kMm, 11, false);
    text(cr, s.login, left + 45 * kMm, top + 21.5 * kMm, width - 45 * kMm, 13, true, "Noto Sans Mono,DejaVu Sans Mono,monospace");
    text(cr, "Mã kích hoạt:", left, top + 30 * kMm, 45 * kMm, 11, false);
    text(cr, s.code, left + 45 * kMm, top + 29.5 * kMm, width - 45 * kMm, 13, true, "Noto Sans Mono,DejaVu Sans Mono,monospace");
    text(cr, "Mã dùng một lần, có giá trị đến " + kernel::datetime_vn(s.expires_at) + ".", left, top + 38 * kMm, width, 10,
         false);
    text(cr, "Cách kích hoạt: mở " + base_url + "/activate trên điện thoại hoặc máy tính, nhập tên đăng nhập và mã "
             "trên phiếu, rồi tự chọn mật khẩu (ít nhất 8 ký tự). Không đưa phiếu này cho người khác.",
         left, top + 44 * kMm, width, 10, false);
  }
  if (slips.empty()) text(cr, "Không có tài khoản.", left, 20 * kMm, width, 12, false);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return SlipFile{file_stem(unit_name) + ".pdf", "application/pdf", std::move(out)};
}

}  // namespace ct05::accounts
